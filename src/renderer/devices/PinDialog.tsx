import { Delete } from 'lucide-react';
import { useId, useRef, useState } from 'react';
import type { DeviceView } from '../../shared/devices';
import { Dialog } from '../controls/Dialog';
import { ErrorNote } from '../controls/ErrorNote';
import { FormDialogActions } from '../controls/FormDialogActions';
import { deviceName } from './deviceNames';
import { useDeviceAnswer } from './useDeviceAnswer';
import './TrezorDialogs.css';

/**
 * The Trezor's blank PIN matrix, laid out as a numeric keypad (7 8 9 on top) because that is how the device
 * numbers its positions. The digits are only on the device, so this window never learns the PIN.
 */
const MATRIX: readonly { position: number; name: string }[] = [
  { position: 7, name: 'Top left' },
  { position: 8, name: 'Top middle' },
  { position: 9, name: 'Top right' },
  { position: 4, name: 'Middle left' },
  { position: 5, name: 'Center' },
  { position: 6, name: 'Middle right' },
  { position: 1, name: 'Bottom left' },
  { position: 2, name: 'Bottom middle' },
  { position: 3, name: 'Bottom right' },
];

/** A Trezor PIN goes up to 50 digits. */
const MAX_DIGITS = 50;

interface PinDialogProps {
  device: DeviceView;
  onAnswered(): void;
}

export function PinDialog({ device, onAnswered }: PinDialogProps) {
  const [positions, setPositions] = useState('');
  const firstKey = useRef<HTMLButtonElement>(null);
  const formId = useId();
  const { answer, busy, send } = useDeviceAnswer(device.id, 'pin', onAnswered);
  const digits = positions.length;

  return (
    <Dialog
      title={`Enter the PIN of ${deviceName(device)}`}
      onCancel={() => send(null)}
      initialFocus={firstKey}
      description={
        <p>
          Your Trezor shows the digits in a scrambled grid. Click the squares here in the same places as the
          digits of your PIN on the device.
        </p>
      }
      actions={
        <FormDialogActions
          formId={formId}
          busy={busy}
          canSubmit={digits > 0}
          label="Unlock"
          busyLabel="Unlocking…"
          onCancel={() => send(null)}
        />
      }
    >
      <form
        id={formId}
        className="pin-entry"
        onSubmit={(event) => {
          event.preventDefault();
          if (digits > 0) send(positions);
        }}
      >
        <div className="pin-entry__display">
          <output className="pin-entry__dots" aria-live="polite" aria-label={`PIN, ${digits} digits entered`}>
            {'•'.repeat(digits)}
          </output>
          <button
            type="button"
            className="button button--icon"
            aria-label="Delete last digit"
            disabled={digits === 0}
            onClick={() => setPositions((previous) => previous.slice(0, -1))}
          >
            <Delete size={16} aria-hidden="true" />
          </button>
        </div>
        <div className="pin-entry__matrix" role="group" aria-label="PIN matrix">
          {MATRIX.map(({ position, name }, index) => (
            <button
              key={position}
              ref={index === 0 ? firstKey : undefined}
              type="button"
              className="pin-entry__key"
              aria-label={name}
              onClick={() =>
                setPositions((previous) => (previous.length < MAX_DIGITS ? previous + position : previous))
              }
            >
              <span aria-hidden="true">•</span>
            </button>
          ))}
        </div>
      </form>
      {answer.state.status === 'failed' && <ErrorNote outcome="Not sent" message={answer.state.message} />}
    </Dialog>
  );
}
