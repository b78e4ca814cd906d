import { memo } from 'react';
import { accountName, SIGNER_LABELS } from '../accounts/useAccounts';
import type { AccountView } from '../../shared/accounts';
import { ChainBadge } from '../chains/ChainBadge';
import { shortAddress } from '../../shared/format/shortAddress';
import { TotalAmount } from './TotalAmount';
import type { AccountTotals, ChainTotals } from './portfolioModel';
import { Panel } from './Panel';
import { ValueFigure } from './ValueFigure';
import type { Valuing } from './valuing';
import './Totals.css';

function tokenCount(count: number): string {
  return count === 1 ? '1 token' : `${count} tokens`;
}

/** The value column's heading, naming the currency the figures are in. */
function ValueHeading({ valuing }: { valuing: Valuing }) {
  return (
    <th scope="col" className="totals__number">
      Value in {valuing.currency}
    </th>
  );
}

interface TotalsByNetworkProps {
  chains: readonly ChainTotals[];
  valuing: Valuing;
}

/**
 * Per network: the native coin summed over every account, how many other tokens are held there, and what all
 * of it is worth.
 */
export const TotalsByNetwork = memo(function TotalsByNetwork({ chains, valuing }: TotalsByNetworkProps) {
  return (
    <Panel title="Totals by network" note="All accounts together">
      <div className="card totals">
        <table className="totals__table">
          <thead>
            <tr>
              <th scope="col">Network</th>
              <th scope="col" className="totals__number">
                Native balance
              </th>
              <th scope="col" className="totals__number">
                Tokens held
              </th>
              <ValueHeading valuing={valuing} />
            </tr>
          </thead>
          <tbody>
            {chains.map(({ chain, native, tokensHeld, value }) => (
              <tr key={chain.chainId}>
                <th scope="row">
                  <ChainBadge chain={{ id: chain.chainId, name: chain.name }} />
                </th>
                <td className="totals__number">
                  {native ? (
                    <TotalAmount {...native} />
                  ) : (
                    <span className="totals__none">No native coin listed</span>
                  )}
                </td>
                <td className="totals__number">{tokenCount(tokensHeld)}</td>
                <td className="totals__number">
                  <ValueFigure value={value} valuing={valuing} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
});

interface TotalsByAccountProps {
  accounts: readonly AccountTotals[];
  /** For each account's signer badge; an address with holdings but no account is shown without one. */
  known: readonly AccountView[];
  valuing: Valuing;
}

/**
 * Per account: each native coin summed over the enabled networks, how many token balances it has, and what
 * they are worth together.
 */
export const TotalsByAccount = memo(function TotalsByAccount({
  accounts,
  known,
  valuing,
}: TotalsByAccountProps) {
  return (
    <Panel title="Totals by account" note="Native coins are summed across networks">
      <div className="card totals">
        <table className="totals__table">
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Signer</th>
              <th scope="col" className="totals__number">
                Native balance
              </th>
              <th scope="col" className="totals__number">
                Tokens held
              </th>
              <ValueHeading valuing={valuing} />
            </tr>
          </thead>
          <tbody>
            {accounts.map(({ account, native, tokensHeld, value }) => {
              const signer = known.find(
                (k) => k.address.toLowerCase() === account.address.toLowerCase(),
              )?.signer;
              return (
                <tr key={account.address}>
                  <th scope="row">
                    <span className="totals__account" title={account.address}>
                      <span>{accountName(account)}</span>
                      {account.label && (
                        <code className="totals__address">{shortAddress(account.address)}</code>
                      )}
                    </span>
                  </th>
                  <td>{signer && <span className="badge">{SIGNER_LABELS[signer]}</span>}</td>
                  <td className="totals__number">
                    {native.length === 0 ? (
                      <span className="totals__none">Not read yet</span>
                    ) : (
                      <span className="totals__coins">
                        {native.map((coin) => (
                          <TotalAmount key={coin.symbol} {...coin} />
                        ))}
                      </span>
                    )}
                  </td>
                  <td className="totals__number">{tokenCount(tokensHeld)}</td>
                  <td className="totals__number">
                    <ValueFigure value={value} valuing={valuing} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Panel>
  );
});
