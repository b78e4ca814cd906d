import { Suspense, useEffect, useState } from 'react';
import type { SigningRequestView } from '../../shared/devices';
import { lazyScreen } from '../routing/lazyScreen';
import { useWallet } from '../session/WalletContext';

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
  return (
    <Suspense>
      <SigningSheet
        // A new request, or one that ended, is a new sheet: focus goes to what it asks of the user now.
        key={`${shown.id}:${shown.status === 'failed' || shown.status === 'expired' ? shown.status : 'active'}`}
        request={shown}
        waiting={requests.size - 1}
        onClose={() =>
          setRequests((previous) => {
            const next = new Map(previous);
            next.delete(shown.id);
            return next;
          })
        }
      />
    </Suspense>
  );
}
