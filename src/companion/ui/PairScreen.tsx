import { useEffect, useRef, useState } from 'react';
import type { PendingPairing } from '../client/phoneClient';
import { formatCode, pairingProblem, type Problem } from './format';
import { Alert, Screen } from './Screen';
import type { PhoneClientLike } from './types';

type Phase =
  | { kind: 'connecting' }
  | { kind: 'compare'; pairing: PendingPairing }
  | { kind: 'confirming'; code: string }
  | { kind: 'paired'; desktop: string }
  | { kind: 'declined' }
  | { kind: 'failed'; problem: Problem };

export interface PairScreenProps {
  client: PhoneClientLike;
  /** The URL the QR code opened, fragment included; it is used once. */
  inviteUrl: string;
  onDone(): void;
}

export function PairScreen({ client, inviteUrl, onDone }: PairScreenProps) {
  const [phase, setPhase] = useState<Phase>({ kind: 'connecting' });
  // An invite is single use: pair once per URL, even when React runs effects twice in development.
  const started = useRef<string | null>(null);

  useEffect(() => {
    if (started.current === inviteUrl) return;
    started.current = inviteUrl;
    client.pair(inviteUrl).then(
      (pairing) => setPhase({ kind: 'compare', pairing }),
      (error: unknown) => setPhase({ kind: 'failed', problem: pairingProblem(error) }),
    );
  }, [client, inviteUrl]);

  switch (phase.kind) {
    case 'connecting':
      return (
        <Screen title="Pairing with the desktop">
          <p className="lead" role="status">
            <span className="spinner" aria-hidden="true" />
            Connecting to the desktop…
          </p>
        </Screen>
      );
    case 'compare': {
      const { pairing } = phase;
      const match = () => {
        setPhase({ kind: 'confirming', code: pairing.code });
        pairing.confirm(pairing.code).then(
          (desktop) => setPhase({ kind: 'paired', desktop: desktop.name }),
          (error: unknown) => setPhase({ kind: 'failed', problem: pairingProblem(error) }),
        );
      };
      const differ = () => {
        pairing.reject();
        setPhase({ kind: 'declined' });
      };
      return (
        <Screen title="Compare the codes">
          <p className="lead">Check the desktop shows the same code.</p>
          <p className="code" aria-label={`Pairing code ${pairing.code.split('').join(' ')}`}>
            {formatCode(pairing.code)}
          </p>
          <p className="hint center">
            A different code means someone else is in the connection. Never pair when the codes differ.
          </p>
          <div className="actions">
            <button type="button" className="button primary" onClick={match}>
              Codes match
            </button>
            <button type="button" className="button secondary" onClick={differ}>
              Codes differ
            </button>
          </div>
        </Screen>
      );
    }
    case 'confirming':
      return (
        <Screen title="Compare the codes">
          <p className="code muted">{formatCode(phase.code)}</p>
          <p className="lead center" role="status">
            <span className="spinner" aria-hidden="true" />
            Waiting for the desktop to confirm the code too…
          </p>
        </Screen>
      );
    case 'paired':
      return (
        <Screen title={`Paired with ${phase.desktop}`}>
          <div className="callout success">
            <p>
              {phase.desktop} can now send signing requests to this phone. You approve each one here, and the
              key stays on this phone.
            </p>
          </div>
          <div className="actions">
            <button type="button" className="button primary" onClick={onDone}>
              Done
            </button>
          </div>
        </Screen>
      );
    case 'declined':
      return (
        <Screen title="Pairing cancelled">
          <Alert>
            <p>
              <strong>The codes differ, so nothing was paired.</strong>
            </p>
            <p>
              Someone may be between this phone and the desktop. Make sure both are on your own network, then
              show a new QR code on the desktop and scan it again.
            </p>
          </Alert>
          <div className="actions">
            <button type="button" className="button secondary" onClick={onDone}>
              Back
            </button>
          </div>
        </Screen>
      );
    case 'failed':
      return (
        <Screen title="Pairing did not work">
          <Alert>
            <p>
              <strong>{phase.problem.title}</strong>
            </p>
            <p>{phase.problem.detail}</p>
          </Alert>
          <p className="lead">{phase.problem.next}</p>
          <div className="actions">
            <button type="button" className="button secondary" onClick={onDone}>
              Back
            </button>
          </div>
        </Screen>
      );
  }
}
