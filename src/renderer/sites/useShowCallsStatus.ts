import { useEffect } from 'react';
import { routeHref } from '../routing/routes';
import { useWallet } from '../session/WalletContext';

/**
 * `wallet_showCallsStatus`: a site asks the wallet to show a batch it sent. Each call of a batch is a
 * transaction of this wallet's own, listed with its status under Send's recent transactions, so that is
 * where the app goes.
 */
export function useShowCallsStatus(): void {
  const { client } = useWallet();
  useEffect(
    () =>
      client.on('dapps.showCallsStatus', () => {
        window.location.hash = routeHref('send');
      }),
    [client],
  );
}
