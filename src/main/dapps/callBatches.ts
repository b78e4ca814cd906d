import type { Database } from 'better-sqlite3';
import type { OutgoingView } from '../../shared/tx';
import type { Logger } from '../log';
import type { RpcReceipt } from '../rpc/jsonRpc';
import { CallBatchesRepository } from './callBatchesRepository';
import { CALLS_ERRORS } from './callsRequest';
import { chainDisconnected, ProviderError } from './providerError';
import type { ReceiptReader } from './signingDeps';

/** EIP-5792's status codes. */
export const CALLS_STATUS = {
  pending: 100,
  confirmed: 200,
  failedOffchain: 400,
  reverted: 500,
  partial: 600,
};

/** What a batch's calls need to go out: the wallet's sent transactions, and the chain to watch them on. */
export interface CallBatchesDeps {
  db: Database;
  outgoing: () => OutgoingView[];
  chain: ReceiptReader;
  log: Pick<Logger, 'warn'>;
  now: () => number;
  /** How often an included call is looked for, and how long before the batch gives up on it. */
  pollMs: number;
  timeoutMs: number;
}

/** `wallet_getCallsStatus`'s answer (EIP-5792 2.0.0). */
export interface CallsStatus {
  version: '2.0.0';
  id: string;
  chainId: string;
  status: number;
  atomic: false;
  receipts: {
    logs: { address: string; data: string; topics: string[] }[];
    status: '0x1' | '0x0';
    blockHash: string;
    blockNumber: string;
    gasUsed: string;
    transactionHash: string;
  }[];
}

/**
 * Written when a batch starts and cleared when its last call is sent, so that a batch a quit interrupted
 * says so after the restart instead of staying pending forever.
 */
const INTERRUPTED =
  'The wallet stopped before every call was sent; the calls after the last sent one were not.';

const hex = (value: bigint) => `0x${value.toString(16)}`;
const sleep = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

/**
 * EIP-5792 batches for an ordinary account: the calls go out one by one, each only after the one before is in
 * a block, because each is reviewed against the state the earlier ones left. A call the review blocks, that
 * the user rejects on the device, or that reverts on chain stops the batch, and the batch records why.
 */
export class CallBatches {
  private readonly repository: CallBatchesRepository;
  private readonly running = new Set<string>();
  private stopped = false;

  constructor(private readonly deps: CallBatchesDeps) {
    this.repository = new CallBatchesRepository(deps.db);
  }

  isTaken(id: string): boolean {
    return this.repository.get(id) !== undefined;
  }

  /** Records the batch and sends its calls in the background; resolves at once with its id. */
  start(
    batch: { id: string; origin: string; chainId: number; calls: number },
    sendCall: (index: number) => Promise<OutgoingView>,
  ): string {
    if (this.isTaken(batch.id)) {
      throw new ProviderError(CALLS_ERRORS.duplicateId, 'A batch with this id was already sent.');
    }
    this.repository.add({ ...batch, failure: INTERRUPTED, createdAt: this.deps.now() });
    this.running.add(batch.id);
    void this.run(batch, sendCall).finally(() => this.running.delete(batch.id));
    return batch.id;
  }

  /** Stops sending further calls; a batch stopped here reads as interrupted. */
  stop(): void {
    this.stopped = true;
  }

  /** `wallet_getCallsStatus`, for the site that sent the batch only. */
  async status(id: string, origin: string): Promise<CallsStatus> {
    const row = this.repository.get(id.toLowerCase());
    if (!row || row.origin !== origin) {
      throw new ProviderError(CALLS_ERRORS.unknownBundle, 'This site sent no batch with that id.');
    }
    const views = new Map(this.deps.outgoing().map((view) => [view.id, view]));
    const hashes = row.outgoing.flatMap((outgoingId) => {
      const view = views.get(outgoingId);
      return view ? [view.hash] : [];
    });
    let receipts: (RpcReceipt | null)[];
    try {
      receipts = await this.deps.chain.receipts(row.chainId, hashes);
    } catch {
      throw chainDisconnected('The wallet cannot read this batch’s receipts from its network now.');
    }
    const included = receipts.filter((receipt): receipt is RpcReceipt => receipt !== null);
    return {
      version: '2.0.0',
      id: row.id,
      chainId: hex(BigInt(row.chainId)),
      status:
        this.running.has(row.id) || included.length < receipts.length
          ? CALLS_STATUS.pending
          : settledStatus(included, row.failure !== null),
      atomic: false,
      receipts: included.map((receipt) => ({
        logs: receipt.logs.map(({ address, data, topics }) => ({ address, data, topics })),
        status: receipt.status === 0n ? '0x0' : '0x1',
        blockHash: receipt.blockHash,
        blockNumber: hex(receipt.blockNumber),
        gasUsed: hex(receipt.gasUsed),
        transactionHash: receipt.transactionHash,
      })),
    };
  }

  private async run(
    batch: { id: string; chainId: number; calls: number },
    sendCall: (index: number) => Promise<OutgoingView>,
  ): Promise<void> {
    const { id, chainId, calls } = batch;
    for (let index = 0; index < calls; index += 1) {
      const which = `Call ${index + 1} of ${calls}`;
      if (this.stopped) return;
      let sent: OutgoingView;
      try {
        sent = await sendCall(index);
      } catch (error) {
        this.repository.setFailure(
          id,
          `${which} was not sent: ${error instanceof Error ? error.message : 'it failed'}`,
        );
        return;
      }
      this.repository.addOutgoing(id, sent.id);
      if (index === calls - 1) break;
      const receipt = await this.waitForReceipt(chainId, sent.hash);
      if (!receipt || receipt.status === 0n) {
        const what = receipt ? 'reverted on chain' : 'was not included in time';
        this.repository.setFailure(id, `${which} ${what}; the calls after it were not sent.`);
        return;
      }
    }
    this.repository.setFailure(id, null);
  }

  private async waitForReceipt(chainId: number, hash: string): Promise<RpcReceipt | null> {
    const deadline = this.deps.now() + this.deps.timeoutMs;
    while (!this.stopped && this.deps.now() < deadline) {
      try {
        const [receipt] = await this.deps.chain.receipts(chainId, [hash]);
        if (receipt) return receipt;
      } catch (error) {
        // A node that fails once is asked again at the next poll; the deadline bounds the waiting.
        this.deps.log.warn('reading a batch call’s receipt', { chainId, error: String(error) });
      }
      await sleep(this.deps.pollMs);
    }
    return null;
  }
}

/** A batch that is done: confirmed only when every call went out and none reverted. */
function settledStatus(receipts: RpcReceipt[], stoppedEarly: boolean): number {
  if (receipts.length === 0) return CALLS_STATUS.failedOffchain;
  const reverted = receipts.filter((receipt) => receipt.status === 0n).length;
  if (reverted === receipts.length) return CALLS_STATUS.reverted;
  return reverted > 0 || stoppedEarly ? CALLS_STATUS.partial : CALLS_STATUS.confirmed;
}
