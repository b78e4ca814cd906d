import { CircleCheck, LoaderCircle, Smartphone } from 'lucide-react';
import type { PairingAttempt, PairingView } from '../../shared/pairing';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { type Action, useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingsSection } from '../settings/SettingsSection';
import { formatCountdown, useRemaining } from './countdown';
import { QrCode } from './QrCode';

/** "123 456": two groups of three are easier to compare at a glance than six digits in a row. */
function groupCode(code: string): string {
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** Shows a new QR code, replacing any earlier one; the phone list's "Pair again" runs it too. */
export type StartPairing = Action<[], void>;

function StartButton({ start, label }: { start: StartPairing; label: string }) {
  const busy = start.state.status === 'working';
  return (
    <button
      type="button"
      className="button button--primary"
      aria-disabled={busy}
      onClick={() => !busy && void start.run()}
    >
      {label}
    </button>
  );
}

/**
 * The QR code and its countdown. Running out is the normal end of a code nobody scanned, not a failure: the
 * dimmed code stays in place with a calm way to a new one, whether the countdown or main noticed first.
 */
function WaitingForScan({ attempt, start }: { attempt: PairingAttempt; start: StartPairing }) {
  const remaining = useRemaining(attempt.expiresAt);
  const expired = attempt.state === 'expired' || remaining === 0;
  return (
    <div className="pairing-invite">
      <div className="pairing-invite__code" data-expired={expired ? '' : undefined}>
        <QrCode text={attempt.url} />
      </div>
      <div className="pairing-invite__text">
        <ol className="pairing-invite__steps">
          <li>Open the camera on your phone and point it at the code.</li>
          <li>Tap the link it finds: it opens the Ledgerline companion in the phone’s browser.</li>
          <li>Both screens then show the same six digits for you to compare.</li>
        </ol>
        {!expired ? (
          <p className="pairing-invite__expiry">Expires in {formatCountdown(remaining)}</p>
        ) : (
          <div className="pairing-invite__expired">
            <p>Expired — show a new code</p>
            <StartButton start={start} label="Show a new code" />
          </div>
        )}
      </div>
    </div>
  );
}

/**
 * The knock spent the code. An honest phone says hello a moment later; if the owner's phone instead says the
 * code was already used, someone else scanned it, and a new code is one click away.
 */
function CodeUsed({ start }: { start: StartPairing }) {
  return (
    <div className="pairing-ended">
      <Callout tone="warning" title="This code was used">
        <p role="status">
          <LoaderCircle className="spinner" size={14} aria-hidden="true" /> A phone scanned it and is
          connecting. If it is yours, both screens show six digits in a moment.
        </p>
        <p>If your phone says the code was already used, another device scanned it: show a new code.</p>
      </Callout>
      <StartButton start={start} label="Show a new code" />
    </div>
  );
}

interface ConfirmingProps {
  attempt: PairingAttempt;
  onAnswer(matches: boolean): void;
  busy: boolean;
}

function ComparingCodes({ attempt, onAnswer, busy }: ConfirmingProps) {
  const phone = attempt.phoneName ?? 'The phone';
  return (
    <div className="pairing-compare">
      <p className="pairing-compare__lead">
        <strong>{phone}</strong> wants to pair. Check that your phone shows the same code.
      </p>
      <p className="pairing-compare__code">{attempt.code && groupCode(attempt.code)}</p>
      <p className="pairing-compare__phone" role="status">
        {attempt.phoneConfirmed ? (
          <>
            <CircleCheck className="pairing-compare__done" size={14} aria-hidden="true" />
            Confirmed on the phone
          </>
        ) : (
          <>
            <LoaderCircle className="spinner" size={14} aria-hidden="true" />
            Waiting for you to confirm on the phone…
          </>
        )}
      </p>
      {!attempt.desktopConfirmed && (
        <div className="pairing-compare__actions">
          <button
            type="button"
            className="button button--danger"
            aria-disabled={busy}
            onClick={() => !busy && onAnswer(false)}
          >
            Codes differ
          </button>
          <button
            type="button"
            className="button button--primary"
            aria-disabled={busy}
            onClick={() => !busy && onAnswer(true)}
          >
            Codes match
          </button>
        </div>
      )}
    </div>
  );
}

interface PairPhoneSectionProps {
  attempt: PairingAttempt | null;
  start: StartPairing;
  onChange(view: PairingView): void;
}

/** From the QR code to a paired phone, one step at a time, as main reports the attempt. */
export function PairPhoneSection({ attempt, start, onChange }: PairPhoneSectionProps) {
  const { client } = useWallet();
  const confirm = useAction(async (id: string, matches: boolean) =>
    onChange(await client.call('pairing.confirm', { id, matches })),
  );
  const busy = confirm.state.status === 'working';

  function body() {
    switch (attempt?.state) {
      case undefined:
        return (
          <div className="pairing-start">
            <Smartphone className="pairing-start__icon" size={20} aria-hidden="true" />
            <p className="pairing-start__text">
              Your phone signs with a key it keeps to itself. Show a QR code, scan it with the phone, and
              compare the code both screens show.
            </p>
            <StartButton start={start} label="Show QR code" />
          </div>
        );
      case 'waiting':
      case 'expired':
        return <WaitingForScan attempt={attempt} start={start} />;
      case 'used':
        return <CodeUsed start={start} />;
      case 'confirming':
        return (
          <ComparingCodes
            attempt={attempt}
            busy={busy}
            onAnswer={(matches) => void confirm.run(attempt.id, matches)}
          />
        );
      case 'paired':
        return (
          <div className="pairing-start">
            <p className="pairing-done" role="status">
              <CircleCheck size={16} aria-hidden="true" />
              {attempt.phoneName ?? 'Your phone'} is paired. It can now sign for this wallet.
            </p>
            <StartButton start={start} label="Pair another phone" />
          </div>
        );
      case 'failed':
        return (
          <div className="pairing-ended">
            <Callout tone="danger" role="alert" title="Pairing failed">
              {attempt.error}
            </Callout>
            <StartButton start={start} label="Try again" />
          </div>
        );
    }
  }

  return (
    <SettingsSection title="Pair a phone">
      <div className="pairing-step">
        {body()}
        {start.state.status === 'failed' && (
          <ErrorNote outcome="No pairing code" message={start.state.message} />
        )}
        {confirm.state.status === 'failed' && (
          <ErrorNote outcome="Not confirmed" message={confirm.state.message} />
        )}
      </div>
    </SettingsSection>
  );
}
