import type { HistoryEntryView } from '../../shared/history';
import { shortAddress } from '../../shared/format/shortAddress';
import { deviceName } from '../devices/deviceNames';
import { Fact } from './Fact';
import { HashValue } from './HashValue';

type SafeExecution = NonNullable<HistoryEntryView['safe']>;
type SafeSigner = SafeExecution['signers'][number];

/** A Safe transaction this wallet executed: which Safe, and every owner who signed it on which device. */
export function SafeExecutionFacts({ safe, explorer }: { safe: SafeExecution; explorer: string | null }) {
  return (
    <>
      <Fact term="Safe execution">
        <span className="fact__label">{safe.name}</span>
        <HashValue value={safe.address} label="Safe address" explorer={explorer} />
      </Fact>
      <Fact term="Safe signers">
        <ul>
          {safe.signers.map((signer) => (
            <li key={signer.owner}>{signerText(signer)}</li>
          ))}
        </ul>
      </Fact>
    </>
  );
}

/** "Signed by Treasury on Ledger Nano X (blind)": the owner as the user names it, and the device. */
function signerText(signer: SafeSigner): string {
  const owner = signer.ownerLabel ?? shortAddress(signer.owner);
  // A signature another desktop collected may come from a device this one has never seen.
  const device =
    signer.kind === 'other'
      ? signer.label || 'another desktop'
      : deviceName({ kind: signer.kind, label: signer.label });
  return `Signed by ${owner} on ${device}${signer.blind ? ' (blind)' : ''}`;
}
