import { Pencil, Trash2 } from 'lucide-react';
import type { Chain } from '../../shared/chains/chain';
import { ChainBadge } from '../chains/ChainBadge';
import { CopyButton } from '../controls/CopyButton';
import { shortAddress } from '../../shared/format/shortAddress';
import { KIND_NAMES, nameKey, type NameEntry, type NameKind } from './names';

interface NameListProps {
  kind: NameKind;
  entries: readonly NameEntry[];
  chains: readonly Chain[];
  onEdit(entry: NameEntry): void;
  onRemove(entry: NameEntry): void;
}

function Scope({ chainId, chains }: { chainId: number | null; chains: readonly Chain[] }) {
  if (chainId === null) return <span className="name-list__all">All networks</span>;
  const chain = chains.find((c) => c.id === chainId) ?? { id: chainId, name: `Chain ${chainId}` };
  return <ChainBadge chain={chain} />;
}

/** One row per name: who or what, the address it stands for, where it applies, and the way to change it. */
export function NameList({ kind, entries, chains, onEdit, onRemove }: NameListProps) {
  return (
    <ul className="name-list card" data-kind={kind}>
      {entries.map((entry) => (
        <li key={nameKey(entry)} className="name-list__row" aria-label={entry.name}>
          <div className="name-list__identity">
            <span className="name-list__name">{entry.name}</span>
            {entry.note && <p className="name-list__note">{entry.note}</p>}
          </div>
          <span className="name-list__address">
            <code title={entry.address}>{shortAddress(entry.address)}</code>
            <CopyButton text={entry.address} label={`address of ${entry.name}`} />
          </span>
          <span className="name-list__scope">
            <Scope chainId={entry.chainId} chains={chains} />
          </span>
          {'kind' in entry && (
            <span className="name-list__kind">
              <span className="badge">{KIND_NAMES[entry.kind]}</span>
            </span>
          )}
          <span className="name-list__actions">
            <button
              type="button"
              className="button name-list__button"
              aria-label={`Edit ${entry.name}`}
              onClick={() => onEdit(entry)}
            >
              <Pencil size={12} aria-hidden="true" />
              Edit
            </button>
            <button
              type="button"
              className="button button--danger name-list__button"
              aria-label={`Remove ${entry.name}`}
              onClick={() => onRemove(entry)}
            >
              <Trash2 size={12} aria-hidden="true" />
              Remove
            </button>
          </span>
        </li>
      ))}
    </ul>
  );
}
