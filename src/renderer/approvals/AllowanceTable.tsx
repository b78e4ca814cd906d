import type { RiskedAllowance } from '../../shared/approvals';
import { shortAddress } from '../../shared/format/shortAddress';
import { Amount } from '../format/Amount';
import { CopyButton } from '../controls/CopyButton';
import { explorerUrl } from '../history/explorer';
import { dateTime } from '../history/timeFormat';
import { useChainNames } from '../history/useChainNames';
import { RiskBadges } from './RiskBadges';

/** One allowance: an owner's token, spender and network (the same pair may be open on several). */
export const allowanceKey = (a: Pick<RiskedAllowance, 'chainId' | 'owner' | 'token' | 'spender'>) =>
  `${a.chainId}:${a.owner.toLowerCase()}:${a.token.toLowerCase()}:${a.spender.toLowerCase()}`;

/** "USDC", or the short contract address when the token did not say its symbol. */
export function tokenName(a: RiskedAllowance): string {
  return a.symbol ?? shortAddress(a.token);
}

export function spenderName(a: RiskedAllowance): string {
  return a.spenderLabel ?? shortAddress(a.spender);
}

interface AllowanceTableProps {
  /** In main's order: riskiest first. */
  allowances: readonly RiskedAllowance[];
  /** The owner's name, by account id. */
  ownerName(accountId: number): string;
  /** Whether the owner can sign a revoke: a watch-only account cannot. */
  canRevoke(allowance: RiskedAllowance): boolean;
  selected: ReadonlySet<string>;
  onSelect(selected: ReadonlySet<string>): void;
  onRevoke(allowance: RiskedAllowance): void;
}

function AmountCell({ allowance: a }: { allowance: RiskedAllowance }) {
  // The Risk column says "Unlimited" and why; here it is only the amount.
  if (a.unlimited) return <>No limit</>;
  if (a.amount === null) {
    return (
      <span className="approvals__unknown" title="The token did not answer.">
        unknown
      </span>
    );
  }
  if (a.decimals === null) return <>{a.amount} base units</>;
  return <Amount value={BigInt(a.amount)} decimals={a.decimals} symbol={tokenName(a)} />;
}

export function AllowanceTable({
  allowances,
  ownerName,
  canRevoke,
  selected,
  onSelect,
  onRevoke,
}: AllowanceTableProps) {
  const chains = useChainNames();
  const revocable = allowances.filter(canRevoke).map(allowanceKey);
  const allSelected = revocable.length > 0 && revocable.every((key) => selected.has(key));

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
                aria-label="Select every allowance you can revoke"
                checked={allSelected}
                disabled={revocable.length === 0}
                onChange={() => onSelect(allSelected ? new Set() : new Set(revocable))}
              />
            </th>
            <th scope="col">Risk</th>
            <th scope="col">Token</th>
            <th scope="col">Spender</th>
            <th scope="col" className="approvals__num">
              Amount
            </th>
            <th scope="col">Account</th>
            <th scope="col">Approved</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {allowances.map((a) => {
            const key = allowanceKey(a);
            const owner = ownerName(a.accountId);
            const chainName = chains.name(a.chainId);
            const spenderLink = explorerUrl(chains.chain(a.chainId), `address/${a.spender}`);
            const revokable = canRevoke(a);
            return (
              <tr
                key={key}
                aria-label={`${tokenName(a)} for ${spenderName(a)}, ${owner} on ${chainName}`}
                data-risky={a.risks.length > 0 ? '' : undefined}
              >
                <td className="approvals__check">
                  <input
                    type="checkbox"
                    aria-label={`Select ${tokenName(a)} allowance for ${spenderName(a)} of ${owner} on ${chainName}`}
                    checked={selected.has(key)}
                    disabled={!revokable}
                    onChange={() => toggle(key)}
                  />
                </td>
                <td>
                  <RiskBadges risks={a.risks} />
                </td>
                <td>
                  <span className="approvals__token" title={a.token}>
                    {tokenName(a)}
                  </span>
                  <span className="approvals__network">{chainName}</span>
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
                  <AmountCell allowance={a} />
                </td>
                <td>{owner}</td>
                <td className="approvals__when">
                  {a.approvedAt > 0 ? dateTime(a.approvedAt) : `block ${a.blockNumber}`}
                </td>
                <td className="approvals__action">
                  <button
                    type="button"
                    className="button button--danger"
                    disabled={!revokable}
                    title={
                      revokable ? undefined : `${owner} is watch-only: revoking needs an account that signs.`
                    }
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
