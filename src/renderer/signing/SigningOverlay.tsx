import { Suspense, useEffect, useState } from 'react';
import type { SigningRequestView } from '../../shared/devices';
import { FailureBoundary } from '../routing/FailureBoundary';
import { lazyScreen } from '../routing/lazyScreen';
import { useWallet } from '../session/WalletContext';
import { SigningSheetUnavailable } from './SigningSheetUnavailable';

// The sheet, its summaries and the review it shows load on demand: the console warms them in idle time after
// the first screen, and a request that comes sooner waits only for a file read from the app itself.
const signingSheet = lazyScreen(() => import('./SigningSheet').then((m) => m.SigningSheet));
const SigningSheet = signingSheet.Screen;
export const preloadSigningSheet = signingSheet.preload;

/**
 * Listens to every signing request main runs and shows the one in front, whoever started it: a request is
 * never approved on a device without the wallet naming that device and what its screen must show.
 */
export function SigningOverlay() {
  const { client } = useWallet();
  // By id, in the order they started; a done request leaves at once, a failed one when the user closes it.
  const [requests, setRequests] = useState<ReadonlyMap<string, SigningRequestView>>(new Map());

  useEffect(
    () =>
      client.on('signing.request', (request) => {
        setRequests((previous) => {
          const next = new Map(previous);
          if (request.status === 'done') next.delete(request.id);
          else next.set(request.id, request);
          return next;
        });
      }),
    [client],
  );

  const shown = [...requests.values()][0];
  if (!shown) return null;
  const close = () =>
    setRequests((previous) => {
      const next = new Map(previous);
      next.delete(shown.id);
      return next;
    });
  return (
    // A sheet that cannot load or render must not drop the request: it stays in view, refusable. Keyed by
    // request, so the next one gets a sheet of its own, not the last one's failure.
    <FailureBoundary
      key={shown.id}
      name="The signing sheet"
      retry={preloadSigningSheet}
      fallback={(failure, reload) => (
        <SigningSheetUnavailable
          request={shown}
          waiting={requests.size - 1}
          failure={failure}
          onReload={reload}
          onClose={close}
        />
      )}
    >
      <Suspense>
        <SigningSheet
          // A new request, or one that ended, is a new sheet: focus goes to what it asks of the user now.
          key={`${shown.id}:${shown.status === 'failed' || shown.status === 'expired' ? shown.status : 'active'}`}
          request={shown}
          waiting={requests.size - 1}
          onClose={close}
        />
      </Suspense>
    </FailureBoundary>
  );
}
