import type { Connection } from './api/connect';
import type { WalletClient } from './api/client';
import { ConnectingScreen } from './screens/ConnectingScreen';
import { CoreUnreachableScreen } from './screens/CoreUnreachableScreen';
import { MissingLaunchLinkScreen } from './screens/MissingLaunchLinkScreen';
import { useWalletSession } from './session/useWalletSession';
import { WalletContext } from './session/WalletContext';
import { Console } from './shell/Console';
import { useAppliedTheme } from './theme/useAppliedTheme';

function ConnectedApp({ client }: { client: WalletClient }) {
  const session = useWalletSession(client);
  // Until settings arrive the OS decides, so a dark desktop does not flash a white window.
  useAppliedTheme(session.status === 'ready' ? session.wallet.settings.theme : 'system');

  if (session.status === 'connecting') return <ConnectingScreen />;
  if (session.status === 'unreachable') {
    return <CoreUnreachableScreen error={session.error} onRetry={session.retry} />;
  }
  return (
    <WalletContext value={session.wallet}>
      <Console />
    </WalletContext>
  );
}

export function App({ connection }: { connection: Connection }) {
  return connection.ok ? <ConnectedApp client={connection.client} /> : <MissingLaunchLinkScreen />;
}
