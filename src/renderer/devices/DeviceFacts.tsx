import type { DeviceView } from '../../shared/devices';
import { CopyButton } from '../controls/CopyButton';
import { shortFingerprint } from './deviceNames';

function blindSigningText(setting: boolean | null): string {
  if (setting === null) return 'Not reported';
  return setting ? 'Allowed' : 'Off';
}

/** The facts a user checks a device by: which seed, which app, and how many accounts come from it. */
export function DeviceFacts({ device }: { device: DeviceView }) {
  return (
    <dl className="device-facts">
      <div className="device-facts__item">
        <dt>Fingerprint</dt>
        <dd>
          {device.fingerprint ? (
            <span className="device-facts__fingerprint" title={device.fingerprint}>
              <code>{shortFingerprint(device.fingerprint)}</code>
              <CopyButton text={device.fingerprint} label="fingerprint" />
            </span>
          ) : (
            'Known after the first unlock'
          )}
        </dd>
      </div>
      <div className="device-facts__item">
        <dt>App</dt>
        <dd>{device.app ? `${device.app.name} ${device.app.version}` : 'Not reported'}</dd>
      </div>
      <div className="device-facts__item">
        <dt>Blind signing</dt>
        <dd>{blindSigningText(device.blindSigning)}</dd>
      </div>
      <div className="device-facts__item">
        <dt>Accounts</dt>
        <dd>{device.accounts}</dd>
      </div>
    </dl>
  );
}
