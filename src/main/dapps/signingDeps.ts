import type { Finding, TxReview, TypedDataReview } from '../../shared/review';
import type { SignatureResult, SignTypedData } from '../../shared/devices';
import type { OutgoingView, SendDraft } from '../../shared/tx';
import type { RpcReceipt } from '../rpc/jsonRpc';

/** Receipts from the user's own node on an enabled chain, in the order of `hashes`; null for one not mined. */
export interface ReceiptReader {
  receipts(chainId: number, hashes: readonly string[]): Promise<(RpcReceipt | null)[]>;
}

/** Findings about the site, shown before the request's own. */
export interface Leading {
  leadingFindings: Finding[];
}

/** The wallet's send path (TxService): the same review and the same refusal of a blocked review as Send. */
export interface DappTransactions {
  review(draft: SendDraft, options: Leading): Promise<TxReview>;
  send(draft: SendDraft, options: Leading): Promise<OutgoingView>;
  list(): OutgoingView[];
}

/** The wallet's signers (SignersService): every signature checked against the account before it is returned. */
export interface DappSigners {
  signMessage(accountId: number, message: Uint8Array): Promise<SignatureResult>;
  reviewTypedData(request: SignTypedData, options: Leading & { chainId: number }): Promise<TypedDataReview>;
  signTypedData(request: SignTypedData, options: Leading & { chainId: number }): Promise<SignatureResult>;
}
