import { memo } from 'react';
import { Info, TriangleAlert } from 'lucide-react';
import type { ChainStatusView, TokenView, TokenWarningView } from '../../shared/portfolio';
import { Callout } from '../controls/Callout';
import { shortAddress } from '../../shared/format/shortAddress';
import { tokenKey } from './portfolioModel';
import './TokenWarnings.css';

interface TokenWarningsProps {
  warnings: readonly TokenWarningView[];
  tokens: readonly TokenView[];
  chains: readonly ChainStatusView[];
  severity: TokenWarningView['severity'];
  /** When given, only warnings whose first token is in it (by tokenKey): a note about a token nobody holds is noise. */
  heldTokens?: ReadonlySet<string>;
}

const KIND_TITLES: Record<TokenWarningView['kind'], string> = {
  'same-symbol': 'Look-alike token',
  'same-name': 'Look-alike token',
  variant: 'Variant',
  unrequested: 'Token you did not add',
};

/** A symbol outside printable ASCII is how a look-alike passes for the real one (a Cyrillic С for a C). */
const NON_LATIN = /[^\x20-\x7e]/;

/**
 * Main's token warnings, naming every token involved by symbol, name and address, because the symbol alone
 * is exactly what a look-alike fakes. Danger ones are alerts; info ones are quiet notes.
 */
export const TokenWarnings = memo(function TokenWarnings({
  warnings,
  tokens,
  chains,
  severity,
  heldTokens,
}: TokenWarningsProps) {
  const byKey = new Map(tokens.map((token) => [tokenKey(token.chainId, token.address), token]));
  const chainName = (chainId: number) =>
    chains.find((chain) => chain.chainId === chainId)?.name ?? `Chain ${chainId}`;
  const shown = warnings.filter(
    (warning) =>
      warning.severity === severity &&
      (!heldTokens || heldTokens.has(tokenKey(warning.chainId, warning.tokens[0] ?? 'native'))),
  );
  if (shown.length === 0) return null;

  return (
    <div className="token-warnings">
      {shown.map((warning) => {
        const involved = warning.tokens.map((address, index) => ({
          address,
          token: byKey.get(tokenKey(warning.chainId, address)),
          suspect: severity === 'danger' && index === 0,
        }));
        const where = chainName(warning.chainId);
        return (
          <Callout
            key={`${warning.chainId}:${warning.kind}:${warning.tokens.join()}`}
            tone={severity === 'danger' ? 'danger' : 'info'}
            icon={severity === 'danger' ? TriangleAlert : Info}
            role={severity === 'danger' ? 'alert' : undefined}
            title={`${KIND_TITLES[warning.kind]} on ${where}`}
          >
            <p>{warning.message}</p>
            <ul className="token-warnings__tokens">
              {involved.map(({ address, token, suspect }) => (
                <li key={address} className="token-warnings__token">
                  <span className="token-warnings__symbol">{token?.symbol ?? 'Unknown token'}</span>
                  {token && NON_LATIN.test(token.symbol) && (
                    <span className="token-warnings__script">contains a non-Latin letter</span>
                  )}
                  {token && <span className="token-warnings__name">{token.name}</span>}
                  <code title={address}>{address === 'native' ? 'native coin' : shortAddress(address)}</code>
                  {severity === 'danger' && (
                    <span className="token-warnings__role">
                      {suspect ? 'suspected look-alike' : 'the token it imitates'}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          </Callout>
        );
      })}
    </div>
  );
});
