import { ClipboardPaste, LoaderCircle, ScreenShare, type LucideIcon } from 'lucide-react';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import { PairWalletConnectImage, type WalletConnectView } from '../../shared/walletConnect';
import { Callout } from '../controls/Callout';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { type Action, type ActionState, useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { captureScreenFrame, croppedPng } from './screenFrame';
import type { Rect } from './screenRegion';
import { ScreenRegionPicker } from './ScreenRegionPicker';
import './ConnectDappDialog.css';

function Failure({ action, outcome }: { action: { state: ActionState<unknown> }; outcome: string }) {
  const { state } = action;
  return state.status === 'failed' ? (
    <ErrorNote outcome={outcome} message={state.message} detail={state.detail} />
  ) : null;
}

interface QrSourceProps {
  icon: LucideIcon;
  label: string;
  busy: boolean;
  onRead(): void;
  /** Why the last read from this source failed, right under its button. */
  children: ReactNode;
}

function QrSource({ icon: Icon, label, busy, onRead, children }: QrSourceProps) {
  return (
    <div className="connect-dapp__source">
      <button type="button" className="button" aria-disabled={busy} onClick={onRead}>
        <Icon size={14} aria-hidden="true" />
        {label}
      </button>
      {children}
    </div>
  );
}

interface ConnectDappDialogProps {
  view: WalletConnectView;
  onChange(view: WalletConnectView): void;
  onClose(): void;
}

/**
 * Pairs with a dApp through WalletConnect: its `wc:` link pasted, or its QR code read from the clipboard or
 * from a region of the screen. Then it waits for the dApp's proposal, which opens in the request sheet as any
 * request does, and the dialog closes.
 */
export function ConnectDappDialog({ view, onChange, onClose }: ConnectDappDialogProps) {
  const { client } = useWallet();
  const [uri, setUri] = useState('');
  const [frame, setFrame] = useState<HTMLCanvasElement | null>(null);
  // Only the pairing this dialog started is followed: an earlier one's outcome is history.
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const field = useRef<HTMLInputElement>(null);
  const fieldId = useId();

  function follow(next: WalletConnectView): void {
    onChange(next);
    setStartedAt(next.pairing?.startedAt ?? null);
  }

  const paste = useAction(async () => follow(await client.call('walletconnect.pair', { uri: uri.trim() })));
  // Main reads the clipboard, and only now that the user asked: the page itself may never read it.
  const clipboard = useAction(async () => follow(await client.call('walletconnect.pairClipboard')));
  const capture = useAction(async () => setFrame(await captureScreenFrame(navigator.mediaDevices)));
  const readRegion = useAction(async (picked: HTMLCanvasElement, region: Rect) => {
    const request = { png: croppedPng(picked, region) };
    // A whole large screen can pass main's 8 MB: said here in the user's terms, not as a refused request.
    if (!PairWalletConnectImage.safeParse(request).success) {
      throw new Error('The picked region is too large to read. Pick just the QR code.');
    }
    follow(await client.call('walletconnect.pairImage', request));
  });
  const actions = [paste, clipboard, capture, readRegion];
  const busy = actions.some((action) => action.state.status === 'working');
  const pairing =
    startedAt !== null && view.pairing && view.pairing.startedAt >= startedAt ? view.pairing : null;

  useEffect(() => {
    if (pairing?.state === 'proposed') onClose();
  }, [pairing?.state, onClose]);

  // One attempt at a time: the outcome shown is the latest control's, next to it.
  function start(action: Action<[], unknown>) {
    if (busy) return;
    for (const other of actions) other.clear();
    void action.run();
  }

  const waiting = pairing?.state === 'waiting';
  return (
    <>
      <Dialog
        title="Connect a dApp"
        onCancel={() => !busy && onClose()}
        initialFocus={field}
        description={
          <p>
            In the dApp, choose WalletConnect. It shows a QR code and a link starting with “wc:”. Give the
            wallet either one; the dApp then asks to connect, and you choose what it may see.
          </p>
        }
        actions={
          <button type="button" className="button" aria-disabled={busy} onClick={() => !busy && onClose()}>
            {waiting ? 'Close' : 'Cancel'}
          </button>
        }
      >
        {view.status.state === 'needs-project-id' && (
          <Callout tone="info" title="WalletConnect needs a project id">
            Set one in Settings › WalletConnect first.
          </Callout>
        )}
        {view.status.state === 'offline' && (
          <Callout tone="danger" title="WalletConnect is offline">
            {view.status.error ?? 'The relay cannot be reached.'}
          </Callout>
        )}
        {waiting ? (
          <p className="connect-dapp__waiting" role="status">
            <LoaderCircle className="spinner" size={16} aria-hidden="true" />
            Paired. Waiting for the dApp to ask to connect; keep it open. You can close this: its request
            still comes here.
          </p>
        ) : (
          <div className="connect-dapp">
            {pairing?.state === 'failed' && (
              <Callout tone="danger" role="alert" title="Pairing failed">
                {pairing.error ?? 'The dApp did not answer.'}
              </Callout>
            )}
            <form
              className="connect-dapp__paste"
              onSubmit={(event) => {
                event.preventDefault();
                if (uri.trim() !== '') start(paste);
              }}
            >
              <label htmlFor={fieldId} className="connect-dapp__label">
                WalletConnect link
              </label>
              <div className="connect-dapp__row">
                <input
                  id={fieldId}
                  ref={field}
                  className="text-input connect-dapp__field"
                  value={uri}
                  placeholder="wc:…"
                  spellCheck={false}
                  autoComplete="off"
                  onChange={(event) => {
                    setUri(event.target.value);
                    paste.clear();
                  }}
                />
                <button
                  type="submit"
                  className="button button--primary"
                  aria-disabled={busy || uri.trim() === ''}
                >
                  {paste.state.status === 'working' && (
                    <LoaderCircle className="spinner" size={14} aria-hidden="true" />
                  )}
                  Connect
                </button>
              </div>
              <Failure action={paste} outcome="Not paired" />
            </form>
            <QrSource
              icon={ClipboardPaste}
              label="Read QR code from clipboard"
              busy={busy}
              onRead={() => start(clipboard)}
            >
              <Failure action={clipboard} outcome="Nothing read from the clipboard" />
            </QrSource>
            <QrSource
              icon={ScreenShare}
              label="Read QR code from screen"
              busy={busy}
              onRead={() => start(capture)}
            >
              <Failure action={capture} outcome="Nothing read from the screen" />
              <Failure action={readRegion} outcome="Not paired" />
            </QrSource>
          </div>
        )}
      </Dialog>
      {/* Beside the dialog, not in it: its Escape and Tab must stay its own. */}
      {frame && (
        <ScreenRegionPicker
          frame={frame}
          onCancel={() => setFrame(null)}
          onPick={(region) => {
            setFrame(null);
            for (const other of actions) other.clear();
            void readRegion.run(frame, region);
          }}
        />
      )}
    </>
  );
}
