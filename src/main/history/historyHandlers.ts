import type { historyCalls } from '../../shared/api/calls/history';
import type { FamilyHandlers } from '../api/router';
import type { HistoryService } from './historyService';
import type { HistorySources } from './historySources';
import type { TxNotesService } from './txNotesService';

export function historyHandlers(
  history: HistoryService,
  sources: HistorySources,
  notes: TxNotesService,
): FamilyHandlers<typeof historyCalls> {
  return {
    'history.page': (query) => history.page(query),
    'history.status': () => history.status(),
    'history.sync': () => history.sync(),
    'history.exportCsv': (filters) => history.exportCsv(filters),
    'history.setNote': (input) => (notes.set(input), null),
    'history.sources': () => sources.view(),
    'history.setEtherscanKey': async ({ key }) => (await sources.setEtherscanKey(key), null),
  };
}
