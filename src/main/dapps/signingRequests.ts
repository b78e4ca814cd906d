import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { formatUnits } from 'ethers';
import { z } from 'zod';
import { ApiError } from '../../shared/api/envelope';
import { DappApproval, type DappCall, DappRequestDetail, type DappReview } from '../../shared/dapps';
import { DeviceError } from '../../shared/deviceError';
import type { Finding, TxReview } from '../../shared/review';
import type { SendDraft } from '../../shared/tx';
import { finding } from '../review/findings/finding';
import { isBlocked } from '../review/findings/collectFindings';
import type { Logger } from '../log';
import type { Repositories } from '../store/repositories';
import { CallBatches } from './callBatches';
import { parseSendCalls, sendCallsOf } from './callsRequest';
import { capabilities } from './capabilities';
import { channelKey } from './dappChannel';
import { messageToSign, parseMessage } from './messageRequest';
import { unsupportedMethod, userRejected } from './providerError';
import type { QueuedRequest } from './requestQueue';
import type { DappSigners, DappTransactions, ReceiptReader } from './signingDeps';
import { parseParams } from './signingParams';
import type { SiteFindings } from './siteFindings';
import type { ConnectedSite } from './sites';
import { parseTransaction } from './transactionRequest';
import { parseTypedData, typedDataOf } from './typedDataRequest';

export type SigningMethod =
  'eth_sendTransaction' | 'personal_sign' | 'eth_signTypedData_v4' | 'wallet_sendCalls';

export interface DappSigning {
  /** Validates params (→ -32602), checks `from` is exposed to the site (→ 4100), returns the detail to queue. */
  parse(method: SigningMethod, params: unknown, site: ConnectedSite): DappRequestDetail;
  /**
   * Answers methods that need no approval: wallet_getCapabilities, wallet_getCallsStatus,
   * wallet_showCallsStatus. `owner` is whose batches it may ask about (./dappChannel's key; the site's origin
   * for the extension).
   */
  answer(method: string, params: unknown, site: ConnectedSite, owner?: string): Promise<unknown>;
  review(request: QueuedRequest): Promise<DappReview>;
  /** Signs after the user's approval; resolves with the site's result (tx hash, signature, {id} for calls). */
  approve(request: QueuedRequest, approval: DappApproval): Promise<unknown>;
}

export interface DappSigningDeps {
  db: Database;
  repositories: Pick<Repositories, 'accounts' | 'devices'>;
  tx: DappTransactions;
  signers: DappSigners;
  /** The native coin's decimals on an enabled chain: a site's wei becomes a send's amount in whole units. */
  nativeDecimals: (chainId: number) => Promise<number>;
  chain: ReceiptReader;
  /** The chains the user enabled, for wallet_getCapabilities. */
  enabledChainIds: () => number[];
  /** What the wallet knows about who asks (./siteFindings), leading every review. */
  siteFindings: SiteFindings;
  /** wallet_showCallsStatus: the wallet shows the batch; the service tells the renderer. */
  showCallsStatus: (origin: string, id: string) => void;
  log: Pick<Logger, 'warn'>;
  now?: () => number;
  /** How often a batch looks for its last call's receipt (2 s), and how long it waits for one (10 min). */
  receiptPollMs?: number;
  receiptTimeoutMs?: number;
}

type Detail<T extends DappRequestDetail['type']> = Extract<DappRequestDetail, { type: T }>;

const BatchRef = z.tuple([z.string().max(100)]);

/**
 * The requests of a site that end in a signature: validated before they are queued, reviewed with the site's
 * findings first, and signed only on the user's approval, through the same send and signer paths as the
 * wallet's own pages. Nothing unchecked reaches a signer: at approval the queued detail is validated again,
 * and typed data and batches are parsed again from the params the queue kept.
 */
export function createDappSigning(deps: DappSigningDeps): DappSigning & { stop(): void } {
  const now = deps.now ?? Date.now;
  const accounts = deps.repositories.accounts;
  const batches = new CallBatches({
    db: deps.db,
    outgoing: () => deps.tx.list(),
    chain: deps.chain,
    log: deps.log,
    now,
    pollMs: deps.receiptPollMs ?? 2_000,
    timeoutMs: deps.receiptTimeoutMs ?? 10 * 60_000,
  });
  const leading = (request: QueuedRequest) => ({
    leadingFindings: deps.siteFindings(request.origin, request.via),
  });
  /** A site's call as the Send page would compose it: the chain's coin, the call data, the normal speed. */
  const draft = async (
    detail: Detail<'transaction' | 'calls'>,
    call: DappCall,
    allowRevert: boolean,
  ): Promise<SendDraft> => ({
    accountId: detail.account.accountId,
    chainId: detail.chainId,
    to: call.to,
    asset: 'native',
    amount: formatUnits(BigInt(call.value), await deps.nativeDecimals(detail.chainId)),
    data: call.data,
    speed: 'normal',
    allowRevert,
  });

  const reviewCalls = async (request: QueuedRequest, detail: Detail<'calls'>): Promise<TxReview[]> => {
    const reviews: TxReview[] = [];
    for (const [index, call] of detail.calls.entries()) {
      const review = await deps.tx.review(await draft(detail, call, false), leading(request));
      reviews.push(index === 0 ? review : afterEarlierCalls(review));
    }
    return reviews;
  };

  const sign = async (
    request: QueuedRequest,
    detail: DappRequestDetail,
    approval: z.output<typeof DappApproval>,
  ) => {
    switch (detail.type) {
      case 'transaction': {
        const sent = await deps.tx.send(
          await draft(detail, detail.call, approval.allowRevert),
          leading(request),
        );
        return sent.hash;
      }
      case 'message':
        return (await deps.signers.signMessage(detail.account.accountId, messageToSign(detail))).signature;
      case 'typed-data': {
        const { typedData } = typedDataOf(request.params);
        const { allowMissingChainId, allowBlindSigning } = approval;
        const signed = await deps.signers.signTypedData(
          { accountId: detail.account.accountId, typedData, allowMissingChainId, allowBlindSigning },
          { chainId: detail.chainId, ...leading(request) },
        );
        return signed.signature;
      }
      case 'calls': {
        const id = sendCallsOf(request.params).id ?? `0x${randomBytes(32).toString('hex')}`;
        batches.start(
          {
            id,
            origin: channelKey(request.origin, request.via),
            chainId: detail.chainId,
            calls: detail.calls.length,
          },
          async (index) =>
            deps.tx.send(
              await draft(detail, detail.calls[index] as DappCall, approval.allowRevert),
              leading(request),
            ),
        );
        return { id };
      }
      default:
        throw nothingToSign();
    }
  };

  return {
    parse(method, params, site) {
      switch (method) {
        case 'eth_sendTransaction':
          return parseTransaction(params, site, accounts);
        case 'personal_sign':
          return parseMessage(params, site, accounts);
        case 'eth_signTypedData_v4':
          return parseTypedData(params, site, accounts);
        case 'wallet_sendCalls':
          return parseSendCalls(params, site, accounts, (id) => batches.isTaken(id));
      }
    },

    async answer(method, params, site, owner = site.origin) {
      switch (method) {
        case 'wallet_getCapabilities':
          return capabilities(params, site, accounts, deps.enabledChainIds());
        case 'wallet_getCallsStatus': {
          const [id] = parseParams(BatchRef, params, method);
          return batches.status(id, owner);
        }
        case 'wallet_showCallsStatus': {
          const [id] = parseParams(BatchRef, params, method);
          // Only a batch this site sent: the status call refuses any other with 5730.
          const { id: known } = await batches.status(id, owner);
          deps.showCallsStatus(site.origin, known);
          return null;
        }
        default:
          throw unsupportedMethod(method);
      }
    },

    async review(request) {
      const detail = DappRequestDetail.parse(request.detail);
      switch (detail.type) {
        case 'transaction': {
          const review = await deps.tx.review(await draft(detail, detail.call, false), leading(request));
          return { type: 'transaction', reviews: [blockedByLeading(review)] };
        }
        case 'calls':
          return {
            type: 'transaction',
            reviews: (await reviewCalls(request, detail)).map(blockedByLeading),
          };
        case 'typed-data': {
          const { typedData } = typedDataOf(request.params);
          const review = await deps.signers.reviewTypedData(
            { accountId: detail.account.accountId, typedData },
            { chainId: detail.chainId, ...leading(request) },
          );
          return { type: 'typed-data', review: blockedByLeading(review) };
        }
        case 'message':
          return {
            type: 'message',
            findings: leading(request).leadingFindings,
            signer: signerOf(deps.repositories, detail.account.accountId),
          };
        default:
          throw nothingToSign();
      }
    },

    async approve(request, approval) {
      const parsed = DappApproval.parse(approval);
      try {
        return await sign(request, DappRequestDetail.parse(request.detail), parsed);
      } catch (error) {
        // The site learns the user said no (4001); the device's own words stay in the wallet.
        if (error instanceof DeviceError && error.state === 'rejected') throw userRejected();
        throw error;
      }
    },

    stop() {
      batches.stop();
    },
  };
}

function nothingToSign(): ApiError {
  return new ApiError(
    'invalid_request',
    'This request has nothing to sign; it is answered where it is approved.',
  );
}

function signerOf(repositories: DappSigningDeps['repositories'], accountId: number) {
  const account = repositories.accounts.get(accountId);
  const device = account.deviceFingerprint ? repositories.devices.get(account.deviceFingerprint) : undefined;
  return { kind: account.signer, label: device?.name ?? account.signer };
}

/**
 * The send and signer reviews judge `blocked` before the leading findings join them; a blocking one among
 * those (a dApp Verify lists as a threat) blocks the review too. The approval's override is checked in the
 * service before anything is signed.
 */
function blockedByLeading<T extends { findings: Finding[]; blocked: boolean }>(review: T): T {
  return review.blocked ? review : { ...review, blocked: isBlocked(review.findings, false) };
}

/**
 * A later call of a batch is simulated alone, before the calls ahead of it have run, so a revert there may
 * only mean it depends on them (a deposit after its approve). It warns instead of blocking; the call is
 * reviewed again, after the earlier ones are in a block, before it is signed, and blocked then if it still fails.
 */
export function afterEarlierCalls(review: TxReview): TxReview {
  const findings: Finding[] = review.findings.map((found) =>
    found.code === 'reverts'
      ? finding(
          'reverts',
          'warning',
          `Simulated alone, before the calls ahead of it: ${found.message}`.slice(0, 520) +
            ' It runs after them, and is checked again then.',
          { facts: found.facts },
        )
      : found,
  );
  return { ...review, findings, blocked: isBlocked(findings, false) };
}
