import type { safesCalls } from '../../shared/api/calls/safes';
import type { FamilyHandlers } from '../api/router';
import type { SafesService } from './safesService';

export function safesHandlers(safes: SafesService): FamilyHandlers<typeof safesCalls> {
  return {
    'safes.view': () => safes.view(),
    'safes.reviewCreate': (request) => safes.reviewCreate(request),
    'safes.create': (request) => safes.create(request),
    'safes.add': (request) => safes.add(request),
    'safes.remove': (request) => safes.remove(request),
    'safes.refresh': (request) => safes.refresh(request),
    'safes.reviewTransaction': (request) => safes.reviewTransaction(request),
    'safes.propose': (request) => safes.propose(request),
    'safes.confirm': (request) => safes.confirm(request),
    'safes.reviewExecute': (request) => safes.reviewExecute(request),
    'safes.execute': (request) => safes.execute(request),
    'safes.discard': (request) => safes.discard(request),
  };
}
