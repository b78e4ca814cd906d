import type { updatesCalls } from '../../shared/api/calls/updates';
import type { FamilyHandlers } from '../api/router';
import type { UpdatesService } from './updatesService';

export function updatesHandlers(updates: UpdatesService): FamilyHandlers<typeof updatesCalls> {
  return {
    'updates.view': () => updates.view(),
    'updates.check': () => updates.check(),
    'updates.restart': () => {
      updates.restart();
      return null;
    },
  };
}
