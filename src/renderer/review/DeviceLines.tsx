import { EyeOff } from 'lucide-react';
import type { DeviceScreen } from '../../shared/review';
import { Callout } from '../controls/Callout';
import { deviceName, KIND_NAMES, shortFingerprint } from '../devices/deviceNames';
import './DeviceLines.css';

/** The device's own screen, line by line, for the user to compare with the review before confirming. */
export function DeviceLines({ device }: { device: DeviceScreen }) {
  const kind = device.kind === 'phone' ? 'phone' : KIND_NAMES[device.kind];
  return (
    <div className="review-device">
      <p className="review-device__title">
        Your {kind} will show
        <span className="review-device__which">
          {deviceName(device)} ({shortFingerprint(device.fingerprint)})
        </span>
      </p>
      {device.mode === 'blind' && (
        <Callout tone="warning" icon={EyeOff} title="Blind signing">
          {device.note ??
            `Your ${kind} cannot decode this request: it shows only raw data or hashes, so it cannot confirm what the review says. Sign only if you trust where the request came from.`}
        </Callout>
      )}
      <ul className="review-device__lines" aria-label="What the device will show">
        {device.lines.map((line, index) => (
          <li key={`${line.label}-${index}`} className="review-device__line">
            <span className="review-device__label">{line.label}</span>
            <code className="review-device__value">{line.value}</code>
          </li>
        ))}
      </ul>
      {device.mode === 'clear' && device.note && <p className="review-device__note">{device.note}</p>}
      {device.mode === 'clear' && (
        <p className="review-device__note">Check each line on the device before you confirm.</p>
      )}
    </div>
  );
}
