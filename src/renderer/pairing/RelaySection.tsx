import { useId, useState } from 'react';
import type { PairingView, RelayView } from '../../shared/pairing';
import { ActionStatus } from '../controls/ActionStatus';
import { Callout } from '../controls/Callout';
import { CopyButton } from '../controls/CopyButton';
import { ErrorNote } from '../controls/ErrorNote';
import { Select } from '../controls/Select';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from '../settings/SettingRow';
import { SettingsSection } from '../settings/SettingsSection';

const PORTS = { min: 1024, max: 65535 };

function isLoopback(host: string): boolean {
  return host === 'localhost' || host.startsWith('127.') || host === '::1';
}

/**
 * Red only for a relay that tried and could not listen. One not started yet is the normal state before the
 * first QR code (main starts it on demand, and at launch only when phones are paired), so it reads calmly.
 */
function relayBadge(relay: RelayView): { tone?: 'success' | 'danger'; label: string } {
  if (relay.running) return { tone: 'success', label: 'Running' };
  if (relay.error) return { tone: 'danger', label: 'Stopped' };
  return { label: 'Not running' };
}

interface RelaySectionProps {
  relay: RelayView;
  onSaved(view: PairingView): void;
}

/** Where the relay listens: the phone must reach this address over the local network. */
export function RelaySection({ relay, onSaved }: RelaySectionProps) {
  const { client } = useWallet();
  const portId = useId();
  const portErrorId = useId();
  const [host, setHost] = useState(relay.host);
  const [port, setPort] = useState(String(relay.port));
  const save = useAction(async (request: { host: string; port: number }) => {
    onSaved(await client.call('pairing.setRelay', request));
  });
  const portNumber = Number(port);
  const portValid = Number.isInteger(portNumber) && portNumber >= PORTS.min && portNumber <= PORTS.max;
  const changed = host !== relay.host || portNumber !== relay.port;
  const working = save.state.status === 'working';
  // The relay may listen on an address no interface has any more (a Wi-Fi that went away); keep it choosable.
  const interfaces = relay.interfaces.some((i) => i.address === relay.host)
    ? relay.interfaces
    : [{ name: 'not available', address: relay.host }, ...relay.interfaces];

  return (
    <SettingsSection title="Relay">
      <SettingRow
        label="Listening on"
        description={
          relay.url ? (
            <span className="relay__address">
              <code>{relay.url}</code>
              <CopyButton text={relay.url} label="relay address" />
            </span>
          ) : (
            `${relay.host}:${relay.port}${relay.error ? '' : '. It starts when you show a QR code.'}`
          )
        }
        note={
          <>
            {relay.error && (
              <Callout tone="danger" role="alert" title="The relay is not running">
                {relay.error}
              </Callout>
            )}
            {relay.running && isLoopback(relay.host) && (
              <Callout tone="warning" title="Only this computer can reach the relay">
                Choose the interface of the network your phone is on, such as your Wi-Fi, so the phone can
                connect.
              </Callout>
            )}
          </>
        }
      >
        {() => {
          const badge = relayBadge(relay);
          return (
            <span className="badge" data-tone={badge.tone}>
              {badge.label}
            </span>
          );
        }}
      </SettingRow>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!working && changed && portValid) void save.run({ host, port: portNumber });
        }}
      >
        <SettingRow
          label="Interface and port"
          description="The network your phone is on, and a port from 1024 to 65535 that nothing else uses."
          status={
            <ActionStatus
              state={save.state}
              working="Restarting the relay…"
              done={() => 'Saved. The relay listens there now.'}
            />
          }
          note={
            <>
              {!portValid && (
                <p id={portErrorId} className="relay__field-error">
                  Choose a port from {PORTS.min} to {PORTS.max}.
                </p>
              )}
              {save.state.status === 'failed' && (
                <ErrorNote outcome="Not saved" message={save.state.message} />
              )}
            </>
          }
        >
          {({ descriptionId }) => (
            <>
              <Select
                aria-describedby={descriptionId}
                aria-label="Interface"
                value={host}
                onChange={(event) => setHost(event.target.value)}
              >
                {interfaces.map((i) => (
                  <option key={`${i.name}-${i.address}`} value={i.address}>
                    {i.name} · {i.address}
                  </option>
                ))}
              </Select>
              <label htmlFor={portId} className="visually-hidden">
                Port
              </label>
              <input
                id={portId}
                className="text-input relay__port"
                inputMode="numeric"
                value={port}
                aria-invalid={!portValid}
                aria-describedby={portValid ? undefined : portErrorId}
                onChange={(event) => setPort(event.target.value.trim())}
              />
              <button type="submit" className="button" aria-disabled={working || !changed || !portValid}>
                Save
              </button>
            </>
          )}
        </SettingRow>
      </form>
    </SettingsSection>
  );
}
