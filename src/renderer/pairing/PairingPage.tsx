import { ErrorNote } from '../controls/ErrorNote';
import { Page } from '../screens/Page';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { useAttemptOfThisVisit } from './attemptOfThisVisit';
import { PairPhoneSection } from './PairPhoneSection';
import { PhoneList } from './PhoneList';
import { RelaySection } from './RelaySection';
import { usePairing } from './usePairing';
import './PairingPage.css';

const LEDE = 'Your phone as a second signer, linked end-to-end encrypted over your local network.';

/** The relay the phone connects to, pairing a new phone, and the phones already paired. */
export function PairingPage() {
  const { client } = useWallet();
  const pairing = usePairing();
  const start = useAction(async () => pairing.show(await client.call('pairing.start')));
  const { view } = pairing;
  const attempt = useAttemptOfThisVisit(view?.attempt ?? null);

  return (
    <Page title="Pairing" lede={LEDE}>
      {pairing.error && <ErrorNote outcome="Could not load pairing" message={pairing.error} />}
      {view && (
        <>
          <RelaySection relay={view.relay} onSaved={pairing.show} />
          <PairPhoneSection attempt={attempt} start={start} onChange={pairing.show} />
          <PhoneList phones={view.phones} start={start} onChange={pairing.show} />
        </>
      )}
    </Page>
  );
}
