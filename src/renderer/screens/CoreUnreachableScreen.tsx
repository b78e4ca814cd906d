import { RotateCw } from 'lucide-react';
import { BridgeUnavailableError } from '../api/bridgeTransport';
import { FullPageMessage } from './FullPageMessage';

interface CoreUnreachableScreenProps {
  error: unknown;
  onRetry(): void;
}

export function CoreUnreachableScreen({ error, onRetry }: CoreUnreachableScreenProps) {
  const lostHost = error instanceof BridgeUnavailableError;
  return (
    <FullPageMessage title="Can’t reach the wallet core">
      <p className="full-page__text">
        {lostHost
          ? 'The browser host is not answering. It may have stopped, or been restarted with a new launch link.'
          : 'The wallet core answered, but could not provide what this window needs to start.'}
      </p>
      <p className="full-page__detail">{error instanceof Error ? error.message : String(error)}</p>
      {lostHost && (
        <p className="full-page__text">
          If you restarted it, open the link from the line it printed last (
          <code>Open http://127.0.0.1:…</code>).
        </p>
      )}
      <div className="full-page__actions">
        <button type="button" className="button button--primary" onClick={onRetry}>
          <RotateCw size={14} aria-hidden="true" />
          Retry
        </button>
      </div>
    </FullPageMessage>
  );
}
