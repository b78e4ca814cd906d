import { CopyButton } from '../controls/CopyButton';
import { splitRemedy } from './remedy';
import './DeviceRemedy.css';

/** What to do about a device state; commands in it are shown as a block with a copy button. */
export function DeviceRemedy({ remedy }: { remedy: string }) {
  const { text, commands } = splitRemedy(remedy);
  return (
    <div className="device-remedy">
      {text && <p>{text}</p>}
      {commands.length > 0 && (
        <div className="device-remedy__commands">
          <pre className="device-remedy__code">
            <code>{commands.join('\n')}</code>
          </pre>
          <CopyButton text={commands.join('\n')} label="commands" />
        </div>
      )}
    </div>
  );
}
