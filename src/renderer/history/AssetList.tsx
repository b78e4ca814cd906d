import { useId } from 'react';
import type { HistoryEntryView } from '../../shared/history';
import { shortAddress } from '../../shared/format/shortAddress';
import { describeAsset } from './describeEntry';
import type { ChainDirectory } from './useChainNames';

/** Every asset that moved, which way, and with whom: by the user's name for the entry's counterparty. */
export function AssetList({ entry, chains }: { entry: HistoryEntryView; chains: ChainDirectory }) {
  const headingId = useId();
  return (
    <section className="drawer-section" aria-labelledby={headingId}>
      <h3 id={headingId} className="drawer-section__title">
        Assets
      </h3>
      <ul className="asset-list">
        {entry.assets.map((asset, index) => (
          <li key={index} className="asset-list__item" data-direction={asset.direction}>
            <span className="asset-list__amount">
              {asset.direction === 'out' ? '−' : '+'} {describeAsset(asset, entry.chainId, chains)}
            </span>
            {asset.counterparty && (
              <span className="asset-list__party" title={asset.counterparty}>
                {asset.direction === 'out' ? 'to' : 'from'}{' '}
                {(asset.counterparty === entry.counterparty && entry.counterpartyLabel) ||
                  shortAddress(asset.counterparty)}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
