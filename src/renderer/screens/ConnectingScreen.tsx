import { LoaderCircle } from 'lucide-react';
import { FullPageMessage } from './FullPageMessage';

export function ConnectingScreen() {
  return (
    <FullPageMessage title="Connecting to the wallet core" delayed>
      <p className="full-page__status" role="status">
        <LoaderCircle className="spinner" size={16} aria-hidden="true" />
        Loading your settings and networks…
      </p>
    </FullPageMessage>
  );
}
