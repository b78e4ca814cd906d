import type { Interface, LogDescription } from 'ethers/abi';
import type { BridgeLeg } from '../../activity';
import type { RawLog, RawTransaction } from '../../rawTransaction';
import { sameAddress } from '../words';

/**
 * A decoded leg and the addresses it concerns, so legs of other people's transfers in one tx can be dropped;
 * null when its events name nobody, and it is kept for whoever the transaction concerns.
 */
export interface BridgeCandidate {
  leg: BridgeLeg;
  parties: readonly (string | null)[] | null;
}

export interface ParsedLog {
  log: RawLog;
  event: LogDescription;
}

/**
 * The logs of `tx` that `contract` emitted (any contract for null; none for a chain without one, undefined)
 * and `abi` knows, decoded; malformed ones are skipped, not fatal.
 */
export function parseLogsFrom(
  tx: RawTransaction,
  abi: Interface,
  contract: string | null | undefined,
): ParsedLog[] {
  if (contract === undefined) return [];
  return tx.logs.flatMap((log) => {
    if (contract !== null && !sameAddress(log.address, contract)) return [];
    try {
      const event = abi.parseLog(log);
      return event ? [{ log, event }] : [];
    } catch {
      return [];
    }
  });
}

/** The first log after `logIndex` in `logs` (in log order), as protocols emit a message right after the transfer. */
export function firstAfter<T extends ParsedLog>(logs: readonly T[], logIndex: number): T | undefined {
  return logs
    .filter((parsed) => parsed.log.logIndex > logIndex)
    .sort((a, b) => a.log.logIndex - b.log.logIndex)[0];
}
