import { ChevronRight, EyeOff, TriangleAlert } from 'lucide-react';
import { Fragment, memo, useState } from 'react';
import { accountName } from '../accounts/useAccounts';
import { ChainBadge } from '../chains/ChainBadge';
import { CopyButton } from '../controls/CopyButton';
import { ErrorNote } from '../controls/ErrorNote';
import { plural } from '../format/plural';
import { shortAddress } from '../../shared/format/shortAddress';
import { useAction } from '../session/useAction';
import { useWallet } from '../session/WalletContext';
import { TotalAmount } from './TotalAmount';
import type { TokenRow } from './portfolioModel';
import { PriceDetailRow } from './PriceDetailRow';
import { ValueFigure } from './ValueFigure';
import type { Valuing } from './valuing';
import './TokenTable.css';

interface TokenTableProps {
  rows: readonly TokenRow[];
  hiddenRows: readonly TokenRow[];
  unheldListTokens: number;
  valuing: Valuing;
  /** Called once main has stored a token's hidden flag, so the page asks for the new view. */
  onChanged(): void;
}

/**
 * One row per token with its total across accounts; the per-account split opens under it, which stays
 * readable for any number of accounts where a column per account would not.
 */
export const TokenTable = memo(function TokenTable({
  rows,
  hiddenRows,
  unheldListTokens,
  valuing,
  onChanged,
}: TokenTableProps) {
  const { client } = useWallet();
  const [showHidden, setShowHidden] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const setHidden = useAction(async (row: TokenRow, hidden: boolean) => {
    // Native coins have no contract address and cannot be hidden, so no row for one offers it.
    if (row.token.address === 'native') return;
    await client.call('tokens.setHidden', { chainId: row.token.chainId, address: row.token.address, hidden });
    onChanged();
  });
  const shown = showHidden ? [...rows, ...hiddenRows] : rows;

  function toggle(key: string) {
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  }

  return (
    <div className="token-table">
      {setHidden.state.status === 'failed' && (
        <ErrorNote outcome="Not changed" message={setHidden.state.message} onDismiss={setHidden.clear} />
      )}
      <div className="card token-table__card">
        <table className="token-table__table" aria-label="Tokens">
          <thead>
            <tr>
              <th scope="col">Token</th>
              <th scope="col">Network</th>
              {/* Value before Contract: at 1024 px the table scrolls sideways, and what is cut must not be it. */}
              <th scope="col" className="token-table__number">
                Balance, all accounts
              </th>
              <th scope="col" className="token-table__number">
                Value in {valuing.currency}
              </th>
              <th scope="col">Contract</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => {
              const { token } = row;
              const where = valuing.chainName(token.chainId);
              const open = expanded.has(row.key);
              const suspect = row.suspicions.length > 0;
              const breakdownId = `breakdown-${row.key}`;
              return (
                <Fragment key={row.key}>
                  <tr
                    className="token-table__row"
                    data-suspect={suspect ? '' : undefined}
                    data-hidden={token.hidden ? '' : undefined}
                  >
                    <th scope="row">
                      <div className="token-table__token-cell">
                        <button
                          type="button"
                          className="token-table__expand"
                          aria-expanded={open}
                          aria-controls={open ? breakdownId : undefined}
                          aria-label={`Balances by account and price details for ${token.symbol} on ${where}`}
                          disabled={row.byAccount.length === 0}
                          onClick={() => toggle(row.key)}
                        >
                          <ChevronRight size={14} aria-hidden="true" />
                        </button>
                        <span className="token-table__token">
                          <span className="token-table__symbol">{token.symbol}</span>
                          <span className="token-table__name">{token.name}</span>
                        </span>
                        {suspect && (
                          <span
                            className="token-table__flag"
                            title={row.suspicions.map((w) => w.message).join('\n')}
                          >
                            <TriangleAlert size={12} aria-hidden="true" />
                            Look-alike
                          </span>
                        )}
                        {token.hidden && (
                          <span className="badge">
                            <EyeOff size={12} aria-hidden="true" />
                            Hidden
                          </span>
                        )}
                      </div>
                    </th>
                    <td>
                      <ChainBadge chain={{ id: token.chainId, name: where }} />
                    </td>
                    <td className="token-table__number">
                      <TotalAmount total={row.total} decimals={token.decimals} symbol={token.symbol} />
                    </td>
                    <td className="token-table__number">
                      <ValueFigure value={row.value} valuing={valuing} withSource />
                    </td>
                    <td>
                      {token.address === 'native' ? (
                        <span className="token-table__muted">Native coin</span>
                      ) : (
                        <span className="token-table__address">
                          <code title={token.address}>{shortAddress(token.address)}</code>
                          <CopyButton text={token.address} label={`address of ${token.symbol} on ${where}`} />
                        </span>
                      )}
                    </td>
                    <td className="token-table__actions">
                      {token.address !== 'native' && (
                        <button
                          type="button"
                          className="button token-table__action"
                          aria-label={`${token.hidden ? 'Show' : 'Hide'} ${token.symbol} on ${where}`}
                          aria-disabled={setHidden.state.status === 'working'}
                          onClick={() => {
                            if (setHidden.state.status !== 'working') void setHidden.run(row, !token.hidden);
                          }}
                        >
                          {token.hidden ? 'Show' : 'Hide'}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open &&
                    row.byAccount.map(({ account, total, value }, index) => (
                      <tr
                        key={account.address}
                        id={index === 0 ? breakdownId : undefined}
                        className="token-table__account-row"
                      >
                        <td colSpan={2}>
                          <span className="token-table__account" title={account.address}>
                            {accountName(account)}
                            {account.label && <code>{shortAddress(account.address)}</code>}
                          </span>
                        </td>
                        <td className="token-table__number">
                          <TotalAmount total={total} decimals={token.decimals} symbol={token.symbol} />
                        </td>
                        <td className="token-table__number">
                          <ValueFigure value={value} valuing={valuing} />
                        </td>
                        <td colSpan={2} />
                      </tr>
                    ))}
                  {open && <PriceDetailRow value={row.value} valuing={valuing} columns={6} />}
                </Fragment>
              );
            })}
          </tbody>
        </table>
        <div className="token-table__footer">
          {hiddenRows.length > 0 && (
            <button type="button" className="button" onClick={() => setShowHidden((was) => !was)}>
              <EyeOff size={14} aria-hidden="true" />
              {showHidden
                ? 'Leave hidden tokens out'
                : `Show ${plural(hiddenRows.length, 'hidden token', 'hidden tokens')}`}
            </button>
          )}
          <p className="token-table__footnote">
            {hiddenRows.length > 0 &&
              'Hidden tokens arrived unasked and are likely spam; they count in no total. '}
            {unheldListTokens > 0 &&
              `${plural(unheldListTokens, 'listed token', 'listed tokens')} with no balance in any account ${unheldListTokens === 1 ? 'is' : 'are'} not shown.`}
          </p>
        </div>
      </div>
    </div>
  );
});
