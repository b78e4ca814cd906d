import { Infinity as Unlimited } from 'lucide-react';
import type { AllowanceView } from '../../shared/tx';
import { CopyButton } from '../controls/CopyButton';
import { formatAmount } from '../../shared/format/amount';
import { shortAddress } from '../../shared/format/shortAddress';
import { explorerUrl } from '../history/explorer';
import { dateTime } from '../history/timeFormat';
import { useChainNames } from '../history/useChainNames';

export const allowanceKey = (a: Pick<AllowanceView, 'token' | 'spender'>) =>
  `${a.token.toLowerCase()}:${a.spender.toLowerCase()}`;

/** "USDC", or the short contract address when the token did not say its symbol. */
export function tokenName(a: AllowanceView): string {
  return a.symbol ?? shortAddress(a.token);
}

export function spenderName(a: AllowanceView): string {
  return a.spenderLabel ?? shortAddress(a.spender);
}

interface AllowanceTableProps {
  allowances: AllowanceView[];
  chainId: number;
  selected: ReadonlySet<string>;
  canRevoke: boolean;
  onSelect(selected: ReadonlySet<string>): void;
  onRevoke(allowance: AllowanceView): void;
}

/** Unlimited allowances first: they are the ones that can empty the account. */
function riskFirst(a: AllowanceView, b: AllowanceView): number {
  return Number(b.unlimited) - Number(a.unlimited) || b.approvedAt - a.approvedAt;
}

export function AllowanceTable({
  allowances,
  chainId,
  selected,
  canRevoke,
  onSelect,
  onRevoke,
}: AllowanceTableProps) {
  const chains = useChainNames();
  const rows = [...allowances].sort(riskFirst);
  const allSelected = rows.length > 0 && rows.every((a) => selected.has(allowanceKey(a)));

  function toggle(key: string) {
    const next = new Set(selected);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    onSelect(next);
  }

  return (
    <div className="approvals__table-wrap card">
      <table className="approvals__table" aria-label="Allowances">
        <thead>
          <tr>
            <th scope="col" className="approvals__check">
              <input
                type="checkbox"
                aria-label="Select every allowance"
                checked={allSelected}
                disabled={!canRevoke}
                onChange={() => onSelect(allSelected ? new Set() : new Set(rows.map(allowanceKey)))}
              />
            </th>
            <th scope="col">Token</th>
            <th scope="col">Spender</th>
            <th scope="col" className="approvals__num">
              Amount
            </th>
            <th scope="col">Approved</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((a) => {
            const key = allowanceKey(a);
            const spenderLink = explorerUrl(chains.chain(chainId), `address/${a.spender}`);
            return (
              <tr key={key} aria-label={`${tokenName(a)} for ${spenderName(a)}`}>
                <td className="approvals__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${tokenName(a)} allowance for ${spenderName(a)}`}
                    checked={selected.has(key)}
                    disabled={!canRevoke}
                    onChange={() => toggle(key)}
                  />
                </td>
                <td>
                  <span className="approvals__token" title={a.token}>
                    {tokenName(a)}
                  </span>
                </td>
                <td>
                  <span className="approvals__spender">
                    {spenderLink ? (
                      <a href={spenderLink} target="_blank" rel="noreferrer" title={a.spender}>
                        {spenderName(a)}
                      </a>
                    ) : (
                      <span title={a.spender}>{spenderName(a)}</span>
                    )}
                    {a.spenderLabel && <code className="approvals__address">{shortAddress(a.spender)}</code>}
                    <CopyButton text={a.spender} label={`spender address of ${tokenName(a)}`} />
                  </span>
                </td>
                <td className="approvals__num">
                  {a.unlimited ? (
                    <span
                      className="badge"
                      data-tone="danger"
                      title="This contract may spend every token of this kind the account holds, now and later."
                    >
                      <Unlimited size={12} aria-hidden="true" />
                      Unlimited
                    </span>
                  ) : a.amount === null ? (
                    <span className="approvals__unknown" title="The token did not answer.">
                      unknown
                    </span>
                  ) : a.decimals === null ? (
                    `${a.amount} base units`
                  ) : (
                    formatAmount(BigInt(a.amount), a.decimals).text
                  )}
                </td>
                <td className="approvals__when">
                  {a.approvedAt > 0 ? dateTime(a.approvedAt) : `block ${a.blockNumber}`}
                </td>
                <td className="approvals__action">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={!canRevoke}
                    onClick={() => onRevoke(a)}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
