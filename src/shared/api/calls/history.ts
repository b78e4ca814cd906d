import { z } from 'zod';
import { ChainId } from '../../chains/chain';
import {
  HistoryExport,
  HistoryPage,
  HistoryQuery,
  HistorySources,
  HistorySyncState,
  SetEtherscanKey,
  SetTxNote,
} from '../../history';
import { NoRequest, type CallFamily, type EventFamily } from './spec';

/** The cross-chain timeline, where it is read from, and the user's notes on it. */
export const historyCalls = {
  'history.page': { request: HistoryQuery, response: HistoryPage },
  'history.status': { request: NoRequest, response: z.array(HistorySyncState) },
  'history.sync': { request: NoRequest, response: z.array(HistorySyncState) },
  'history.exportCsv': {
    request: HistoryQuery.omit({ limit: true, after: true }),
    response: HistoryExport,
  },
  /** Writes the user's note on a transaction; an empty or blank note removes it. */
  'history.setNote': { request: SetTxNote, response: z.null() },
  'history.sources': { request: NoRequest, response: HistorySources },
  'history.setEtherscanKey': { request: SetEtherscanKey, response: z.null() },
} as const satisfies CallFamily;

export const historyEvents = {
  'history.progress': HistorySyncState,
  /** New or changed entries on these chains: a timeline showing them refetches its first page. */
  'history.changed': z.strictObject({ chainIds: z.array(ChainId) }),
} as const satisfies EventFamily;
