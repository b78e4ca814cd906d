import { useAppliedTheme } from '../theme/useAppliedTheme';
import { FullPageMessage } from './FullPageMessage';

/**
 * The browser host only answers a page that carries its per-launch secret, which rides in the link it
 * prints. A page opened any other way can reach nothing, so it explains how to get that link.
 */
export function MissingLaunchLinkScreen() {
  useAppliedTheme('system');
  return (
    <FullPageMessage title="Open Ledgerline from its launch link">
      <p className="full-page__text">This page needs the link printed by the browser host.</p>
      <p className="full-page__text">
        That link carries a secret made for this launch only, so no other page or program on this computer can
        talk to your wallet.
      </p>
      <ol className="full-page__steps card">
        <li className="full-page__step">
          <div>
            <span>In the project folder, start the app:</span>
            <code className="full-page__command">npm start</code>
          </div>
        </li>
        <li className="full-page__step">
          <div>
            <span>Open the link from the line it prints, which looks like this:</span>
            <code className="full-page__command">Open http://127.0.0.1:4100/#secret=…</code>
          </div>
        </li>
      </ol>
      <p className="full-page__text">
        Reloading this tab keeps working. A new tab, or a restarted host, needs the link from the latest
        launch.
      </p>
    </FullPageMessage>
  );
}
