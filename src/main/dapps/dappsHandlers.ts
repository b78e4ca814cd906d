import type { dappsCalls } from '../../shared/api/calls/dapps';
import type { FamilyHandlers } from '../api/router';
import type { DappsService } from './dappsService';

type DappsChannel = Extract<keyof typeof dappsCalls, `dapps.${string}`>;

/** The `dapps.*` calls; the `browsers.*` ones are the bridge's (./bridge). */
export function dappsHandlers(dapps: DappsService): Pick<FamilyHandlers<typeof dappsCalls>, DappsChannel> {
  return {
    'dapps.sites': () => dapps.sites(),
    'dapps.requests': () => dapps.requests(),
    'dapps.review': ({ id }) => dapps.review(id),
    'dapps.approve': (approval) => dapps.approve(approval),
    'dapps.reject': ({ id }) => dapps.reject(id),
    'dapps.revoke': ({ origin }) => dapps.revoke(origin),
    'dapps.revokeAll': () => dapps.revokeAll(),
    'dapps.setWindowEthereum': ({ origin, on }) => dapps.setWindowEthereum(origin, on),
  };
}
