import { CircleCheck } from 'lucide-react';
import { useEffect, useRef } from 'react';
import type { BrowserPairingView, BrowsersView } from '../../shared/dapps';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { formatCountdown, useRemaining } from '../pairing/countdown';
import { type Action, useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
// The phone's pairing steps, countdown and six digits look the same here, so they share its styles.
import '../pairing/PairingPage.css';

/** Still open: the code is up, or the codes are being compared; closing the dialog withdraws it. */
function isOpen(pairing: BrowserPairingView | null): pairing is BrowserPairingView {
  return pairing?.state === 'waiting' || pairing?.state === 'confirming';
}

function CodeToPaste({ pairing, onNewCode }: { pairing: BrowserPairingView; onNewCode(): void }) {
  const remaining = useRemaining(pairing.expiresAt);
  const expired = pairing.state === 'expired' || remaining === 0;
  return (
    <div className="browser-pairing">
      <ol className="pairing-invite__steps">
        <li>In your browser, open the Ledgerline extension from its toolbar icon.</li>
        <li>Paste this code there and choose Pair.</li>
        <li>Both screens then show the same six digits for you to compare.</li>
      </ol>
      <div className="browser-pairing__code" data-expired={expired ? '' : undefined}>
        <code>{pairing.code}</code>
        {!expired && <CopyButton text={pairing.code} label="pairing code" />}
      </div>
      {expired ? (
        <div className="pairing-invite__expired">
          <p>Expired — show a new code</p>
          <button type="button" className="button" onClick={onNewCode}>
            Show a new code
          </button>
        </div>
      ) : (
        <p className="pairing-invite__expiry">Expires in {formatCountdown(remaining)}. It works once.</p>
      )}
    </div>
  );
}

/** Asks main for a new code, replacing any earlier one; resolves with the new pairing's id. */
export type StartBrowserPairing = Action<[], string | null>;

interface PairBrowserDialogProps {
  /** The pairing main reports, kept current from `browsers.changed`. */
  pairing: BrowserPairingView | null;
  start: StartBrowserPairing;
  onChange(view: BrowsersView): void;
  onClose(): void;
}

/**
 * From a new code to a paired browser: the code to paste into the extension, then the six digits both sides
 * show, then the result. Closing it early withdraws the code, so it cannot be used later by someone else.
 */
export function PairBrowserDialog({ pairing, start, onChange, onClose }: PairBrowserDialogProps) {
  const { client } = useWallet();
  const confirm = useAction(async (id: string, matches: boolean) =>
    onChange(await client.call('browsers.confirmPairing', { id, matches })),
  );
  const cancel = useAction(async (id: string) =>
    onChange(await client.call('browsers.cancelPairing', { id })),
  );
  const doneButton = useRef<HTMLButtonElement>(null);
  const busy = [start, confirm, cancel].some((action) => action.state.status === 'working');
  // Only the pairing this dialog started is shown: one left over from an earlier visit is history.
  const startedId = start.state.status === 'done' ? start.state.result : null;
  const shown = pairing && pairing.id === startedId ? pairing : null;
  const newCode = () => !busy && void start.run();

  async function close() {
    if (busy) return;
    if (isOpen(shown) && !(await cancel.run(shown.id))) return;
    onClose();
  }

  useEffect(() => {
    if (shown?.state === 'paired') doneButton.current?.focus();
  }, [shown?.state]);

  function body() {
    if (!shown) {
      return start.state.status === 'failed' ? null : (
        <p className="pairing-compare__lead">Making a pairing code…</p>
      );
    }
    switch (shown.state) {
      case 'waiting':
      case 'expired':
        return <CodeToPaste pairing={shown} onNewCode={newCode} />;
      case 'confirming':
        return (
          <div className="pairing-compare">
            <p className="pairing-compare__lead">
              <strong>{shown.browserName ?? 'A browser'}</strong> wants to pair. Check that the extension
              shows the same code.
            </p>
            <p className="pairing-compare__code">
              {shown.sas && `${shown.sas.slice(0, 3)} ${shown.sas.slice(3)}`}
            </p>
          </div>
        );
      case 'paired':
        return (
          <p className="pairing-done" role="status">
            <CircleCheck size={16} aria-hidden="true" />
            Paired with {shown.browserName ?? 'the browser'}. Sites open in it can now ask to connect.
          </p>
        );
      case 'failed':
        return (
          <Callout tone="danger" role="alert" title="Pairing failed">
            {shown.error}
          </Callout>
        );
    }
  }

  const answer = (matches: boolean) => shown && !busy && void confirm.run(shown.id, matches);
  return (
    <Dialog
      title="Pair a browser"
      onCancel={() => void close()}
      description={
        <p>
          The extension lets sites in your browser ask this wallet for accounts and signatures. It pairs once,
          with a one-time code.
        </p>
      }
      actions={
        shown?.state === 'confirming' ? (
          <>
            <button
              type="button"
              className="button button--danger"
              aria-disabled={busy}
              onClick={() => answer(false)}
            >
              They differ
            </button>
            <button
              type="button"
              className="button button--primary"
              aria-disabled={busy}
              onClick={() => answer(true)}
            >
              Codes match
            </button>
          </>
        ) : shown?.state === 'paired' ? (
          <button ref={doneButton} type="button" className="button button--primary" onClick={onClose}>
            Done
          </button>
        ) : (
          <>
            {shown?.state === 'failed' && (
              <button type="button" className="button button--primary" onClick={newCode}>
                Try again
              </button>
            )}
            <button type="button" className="button" aria-disabled={busy} onClick={() => void close()}>
              {shown && !isOpen(shown) ? 'Close' : 'Cancel'}
            </button>
          </>
        )
      }
    >
      {body()}
      {start.state.status === 'failed' && (
        <ErrorNote outcome="No pairing code" message={start.state.message} detail={start.state.detail} />
      )}
      {confirm.state.status === 'failed' && (
        <ErrorNote outcome="Not confirmed" message={confirm.state.message} detail={confirm.state.detail} />
      )}
      {cancel.state.status === 'failed' && (
        <ErrorNote outcome="Not withdrawn" message={cancel.state.message} detail={cancel.state.detail} />
      )}
    </Dialog>
  );
}
