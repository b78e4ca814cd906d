import type { PhoneStateStore } from '../client/phoneClient';
import type { PhoneState } from '../core/phoneState';

const WIPED = '0'.repeat(64);

/**
 * The protocol client wipes a revoked desktop's keys by saving them as empty strings, which the vault's
 * schema (64 hex digits) refuses, so revoking would fail to save. Until the two agree, a wiped key is stored
 * as zeros: still no secret, and a shape the vault accepts.
 */
export function revocationSafeStore(store: PhoneStateStore): PhoneStateStore {
  return {
    get state() {
      return store.state;
    },
    save: (state: PhoneState) =>
      store.save({
        ...state,
        desktops: state.desktops.map((desktop) =>
          desktop.status === 'active'
            ? desktop
            : {
                ...desktop,
                resumePsk: desktop.resumePsk || WIPED,
                phoneStaticPrivate: desktop.phoneStaticPrivate || WIPED,
              },
        ),
      }),
  };
}
