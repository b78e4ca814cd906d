import { ExternalLink } from 'lucide-react';
import { CopyButton } from '../controls/CopyButton';

interface HashValueProps {
  value: string;
  /** What it is, for the copy and explorer buttons' names: "transaction hash on Ethereum". */
  label: string;
  explorer: string | null;
}

/** A hash or address in full, copyable, with its explorer page where the chain has one. */
export function HashValue({ value, label, explorer }: HashValueProps) {
  return (
    <span className="hash-value">
      <code className="hash-value__text">{value}</code>
      <CopyButton text={value} label={label} />
      {explorer && (
        <a
          className="hash-value__link"
          href={explorer}
          target="_blank"
          rel="noreferrer"
          aria-label={`Open ${label} in the explorer`}
          title={explorer}
        >
          <ExternalLink size={12} aria-hidden="true" />
        </a>
      )}
    </span>
  );
}
