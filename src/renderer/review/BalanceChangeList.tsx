import type { BalanceChange, Simulation } from '../../shared/review';
import { amountWords } from '../../shared/format/amountWords';
import { PartyName } from './PartyName';
import './review.css';

/** What the note says when main gave none: why there are no balance changes to show. */
const MISSING: Record<Simulation['status'], string | null> = {
  simulated: null,
  checked: "Balance changes are not available from this network's RPC.",
  failed: 'The simulation did not run, so the balance changes are unknown.',
};

function assetName({ asset }: BalanceChange): string {
  return asset.tokenId === null ? asset.symbol : `${asset.symbol} #${asset.tokenId}`;
}

/** Who gains and who loses what if this runs, as the user's own RPC simulated it: "−100 TKN". */
export function BalanceChangeList({ simulation }: { simulation: Simulation }) {
  const note = simulation.note ?? MISSING[simulation.status];
  const changes = simulation.balanceChanges;
  return (
    <div className="review-changes">
      {changes.length > 0 && (
        <ul className="review-changes__list" aria-label="Balance changes">
          {changes.map((change, index) => {
            const decimals = change.asset.kind === 'erc721' ? 0 : change.asset.decimals;
            const words = amountWords(BigInt(change.delta), decimals, assetName(change), { signed: true });
            return (
              <li
                key={`${change.account.address}-${change.asset.token ?? 'native'}-${change.asset.tokenId ?? ''}-${index}`}
                className="review-change"
              >
                <PartyName party={change.account} />
                <span
                  className="review-change__delta"
                  data-direction={change.delta.startsWith('-') ? 'out' : 'in'}
                  title={words.title}
                >
                  {words.text}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {changes.length === 0 && simulation.status === 'simulated' && !simulation.reverted && (
        <p className="review-changes__none">No balance changes besides the network fee.</p>
      )}
      {note && <p className="review-changes__note">{note}</p>}
    </div>
  );
}
