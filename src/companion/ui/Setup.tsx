import { useId, useState, type FormEvent } from 'react';
import { checkBackupAnswers, pickBackupChallenge, type BackupChallenge } from '../core/backupCheck';
import { createMnemonic } from '../core/phoneKeys';
import { newPhoneState } from '../core/phoneState';
import { PhoneVault, type PhoneVaultOptions } from '../core/phoneVault';
import { errorMessage } from './format';
import { Alert, Screen } from './Screen';

type Step =
  | { kind: 'intro' }
  | { kind: 'words'; mnemonic: string }
  | { kind: 'check'; mnemonic: string; challenge: BackupChallenge }
  | { kind: 'pin'; mnemonic: string };

export interface SetupProps {
  vaultOptions?: PhoneVaultOptions;
  /** True when the page was opened from a desktop's QR code, which will expire before setup is done. */
  pairingNext: boolean;
  onCreated(vault: PhoneVault): void;
}

const MIN_PIN = 6;

/** First run: the phone's key, its written backup, and the PIN that encrypts it on this phone. */
export function Setup({ vaultOptions, pairingNext, onCreated }: SetupProps) {
  const [step, setStep] = useState<Step>({ kind: 'intro' });
  const [phoneName, setPhoneName] = useState('My phone');

  switch (step.kind) {
    case 'intro':
      return (
        <Intro
          phoneName={phoneName}
          onPhoneName={setPhoneName}
          pairingNext={pairingNext}
          onCreate={() => setStep({ kind: 'words', mnemonic: createMnemonic() })}
        />
      );
    case 'words':
      return (
        <Words
          mnemonic={step.mnemonic}
          onDone={() =>
            setStep({ kind: 'check', mnemonic: step.mnemonic, challenge: pickBackupChallenge(step.mnemonic) })
          }
        />
      );
    case 'check':
      return (
        <Check
          mnemonic={step.mnemonic}
          challenge={step.challenge}
          onPassed={() => setStep({ kind: 'pin', mnemonic: step.mnemonic })}
          // The words are shown only once: a user who lost them starts again with a phrase nobody has seen.
          onStartOver={() => setStep({ kind: 'intro' })}
        />
      );
    case 'pin':
      return (
        <ChoosePin
          onPin={async (pin) => {
            const state = { ...newPhoneState(step.mnemonic, phoneName.trim()), backedUp: true };
            onCreated(await PhoneVault.create(pin, state, vaultOptions));
          }}
        />
      );
  }
}

function Intro(props: {
  phoneName: string;
  onPhoneName(name: string): void;
  pairingNext: boolean;
  onCreate(): void;
}) {
  const nameId = useId();
  const hintId = useId();
  const name = props.phoneName.trim();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.length > 0) props.onCreate();
  };
  return (
    <Screen title="Create this phone's key" step="Step 1 of 4">
      <p className="lead">
        This phone becomes a second signer for your Ledgerline desktop. Its key is made here and never leaves
        the phone.
      </p>
      {props.pairingNext ? (
        <p className="note">
          The desktop's QR code will expire while you set up. Once you are done, show a new one and scan it
          again.
        </p>
      ) : null}
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={nameId}>Name of this phone</label>
          <input
            id={nameId}
            className="input"
            value={props.phoneName}
            maxLength={40}
            autoComplete="off"
            aria-describedby={hintId}
            onChange={(event) => props.onPhoneName(event.target.value)}
          />
          <p id={hintId} className="hint">
            Shown on the desktop, for example "Alice's phone".
          </p>
        </div>
        <div className="actions">
          <button type="submit" className="button primary" disabled={name.length === 0}>
            Create key
          </button>
        </div>
      </form>
    </Screen>
  );
}

function Words({ mnemonic, onDone }: { mnemonic: string; onDone(): void }) {
  const words = mnemonic.split(' ');
  return (
    <Screen title="Write down your recovery phrase" step="Step 2 of 4">
      <div className="callout warning">
        <p>
          <strong>Write these 12 words on paper, in order.</strong> They are shown only once. Anyone who has
          them can sign as this phone; without them, a lost phone means a lost key.
        </p>
        <p>Do not take a screenshot or store them online.</p>
      </div>
      <ol className="word-grid" aria-label="Recovery phrase">
        {words.map((word, index) => (
          <li key={index}>
            <span className="word-number" aria-hidden="true">
              {index + 1}
            </span>
            <span className="word">{word}</span>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button primary" onClick={onDone}>
          I wrote them down
        </button>
      </div>
    </Screen>
  );
}

function Check(props: {
  mnemonic: string;
  challenge: BackupChallenge;
  onPassed(): void;
  onStartOver(): void;
}) {
  const [answers, setAnswers] = useState(() => props.challenge.positions.map(() => ''));
  const [wrong, setWrong] = useState(false);
  const baseId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (checkBackupAnswers(props.mnemonic, props.challenge, answers)) props.onPassed();
    else setWrong(true);
  };
  return (
    <Screen title="Check your recovery phrase" step="Step 3 of 4">
      <p className="lead">Type these words from what you wrote down.</p>
      <form className="stack" onSubmit={submit}>
        {props.challenge.positions.map((position, i) => (
          <div className="field" key={position}>
            <label htmlFor={`${baseId}-${position}`}>Word {position}</label>
            <input
              id={`${baseId}-${position}`}
              className="input"
              value={answers[i]}
              autoComplete="off"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              onChange={(event) => {
                const next = [...answers];
                next[i] = event.target.value;
                setAnswers(next);
                setWrong(false);
              }}
            />
          </div>
        ))}
        {wrong ? (
          <Alert>
            Those words do not match your recovery phrase. Check what you wrote down and try again.
          </Alert>
        ) : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={answers.some((a) => a.trim() === '')}>
            Check words
          </button>
          <button type="button" className="button quiet" onClick={props.onStartOver}>
            I lost the words: start over with new ones
          </button>
        </div>
      </form>
    </Screen>
  );
}

function ChoosePin({ onPin }: { onPin(pin: string): Promise<void> }) {
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinId = useId();
  const againId = useId();
  const hintId = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!new RegExp(`^\\d{${MIN_PIN},64}$`).test(pin)) {
      setError(`The PIN must be at least ${MIN_PIN} digits, numbers only.`);
      return;
    }
    if (pin !== again) {
      setError('The two PINs do not match. Type the same PIN twice.');
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onPin(pin);
    } catch (failure) {
      setError(errorMessage(failure));
      setBusy(false);
    }
  };
  return (
    <Screen title="Choose a PIN" step="Step 4 of 4">
      <p className="lead">The PIN unlocks this phone's key. It encrypts the key on this phone only.</p>
      <form className="stack" onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={pinId}>PIN</label>
          <input
            id={pinId}
            className="input pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            aria-describedby={hintId}
            value={pin}
            onChange={(event) => setPin(event.target.value)}
          />
          <p id={hintId} className="hint">
            At least {MIN_PIN} digits.
          </p>
        </div>
        <div className="field">
          <label htmlFor={againId}>PIN again</label>
          <input
            id={againId}
            className="input pin"
            type="password"
            inputMode="numeric"
            autoComplete="new-password"
            value={again}
            onChange={(event) => setAgain(event.target.value)}
          />
        </div>
        {error ? <Alert>{error}</Alert> : null}
        <div className="actions">
          <button type="submit" className="button primary" disabled={busy}>
            {busy ? 'Encrypting the key…' : 'Set PIN and finish'}
          </button>
        </div>
      </form>
    </Screen>
  );
}
