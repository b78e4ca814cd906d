import type { DiscoveredAccount } from '../../shared/devices';
import { CopyButton } from '../controls/CopyButton';
import { shortAddress } from '../../shared/format/shortAddress';
import { NativeBalances } from './NativeBalances';

/** Picked accounts, keyed by scheme and index, as devices.addAccounts takes them. */
export const selectionKey = (account: Pick<DiscoveredAccount, 'scheme' | 'index'>) =>
  `${account.scheme}:${account.index}`;

interface DiscoveryTableProps {
  accounts: DiscoveredAccount[];
  selected: ReadonlySet<string>;
  onToggle(account: DiscoveredAccount): void;
  /** Placeholder rows while the first page is read, so the dialog keeps its shape. */
  skeletonRows: number;
}

function ActivityMark({ account }: { account: DiscoveredAccount }) {
  if (account.accountId !== null) return <span className="badge">Added</span>;
  if (account.used)
    return (
      <span className="badge" data-tone="success">
        Used
      </span>
    );
  return <span className="discovery-table__unused">Unused</span>;
}

/** The addresses one scheme derives, to pick from: already-added ones stay ticked and cannot be picked again. */
export function DiscoveryTable({ accounts, selected, onToggle, skeletonRows }: DiscoveryTableProps) {
  return (
    <table className="discovery-table">
      <thead>
        <tr>
          <th scope="col">
            <span className="visually-hidden">Add</span>
          </th>
          <th scope="col">#</th>
          <th scope="col">Address</th>
          <th scope="col">Path</th>
          <th scope="col">Balance</th>
          <th scope="col">Activity</th>
        </tr>
      </thead>
      <tbody>
        {accounts.map((account) => {
          const added = account.accountId !== null;
          return (
            <tr key={selectionKey(account)} data-added={added ? '' : undefined}>
              <td>
                <input
                  type="checkbox"
                  aria-label={`Select account ${account.index}`}
                  checked={added || selected.has(selectionKey(account))}
                  disabled={added}
                  onChange={() => onToggle(account)}
                />
              </td>
              <td className="discovery-table__index">{account.index}</td>
              <td>
                <span className="discovery-table__address" title={account.address}>
                  <code>{shortAddress(account.address)}</code>
                  <CopyButton text={account.address} label={`address of account ${account.index}`} />
                </span>
              </td>
              <td>
                <code className="discovery-table__path">{account.path}</code>
              </td>
              <td>
                <NativeBalances account={account} />
              </td>
              <td>
                <ActivityMark account={account} />
              </td>
            </tr>
          );
        })}
        {Array.from({ length: skeletonRows }, (_, row) => (
          <tr key={`skeleton-${row}`} className="discovery-table__skeleton" aria-hidden="true">
            <td colSpan={6}>
              <span className="discovery-table__bar" />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
