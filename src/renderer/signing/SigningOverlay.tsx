import { useEffect, useState } from 'react';
import type { SigningRequestView } from '../../shared/devices';
import { useWallet } from '../session/WalletContext';
import { SigningSheet } from './SigningSheet';

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
  );
}
