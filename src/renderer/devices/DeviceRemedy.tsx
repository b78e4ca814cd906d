import { CopyButton } from '../controls/CopyButton';
import { splitRemedy } from './remedy';
import './DeviceRemedy.css';

/** What to do about a device state; commands in it are shown as blocks with a copy button. */
export function DeviceRemedy({ remedy }: { remedy: string }) {
  return (
    <div className="device-remedy">
      {splitRemedy(remedy).map((segment, index) =>
        segment.kind === 'text' ? (
          <p key={index}>{segment.text}</p>
        ) : (
          <div key={index} className="device-remedy__commands">
            <pre className="device-remedy__code">
              <code>{segment.lines.join('\n')}</code>
            </pre>
            <CopyButton text={segment.lines.join('\n')} label="commands" />
          </div>
        ),
      )}
    </div>
  );
}
