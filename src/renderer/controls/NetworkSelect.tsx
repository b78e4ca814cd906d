import { SlidersHorizontal } from 'lucide-react';
import type { SelectHTMLAttributes } from 'react';
import type { Chain } from '../../shared/chains/chain';
import { ChainDot } from '../chains/ChainBadge';
import { useWallet } from '../session/WalletContext';
import { settingsHref } from '../settings/settingsSections';
import { Select } from './Select';
import './NetworkSelect.css';

/** How the way to enable more networks shows: words under the picker, an icon beside it, or not at all. */
export type EnableMoreLink = 'text' | 'icon' | 'none';

interface CommonProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange'> {
  /** 'none' where the networks list is already on screen (Settings). */
  enableMore?: EnableMoreLink;
}

/** A picker of one network. */
interface OneNetworkProps extends CommonProps {
  value: number;
  onChange(chainId: number): void;
  allLabel?: undefined;
}

/** A filter that may also stand for every enabled network (null), offered first under `allLabel`. */
interface AnyNetworkProps extends CommonProps {
  value: number | null;
  onChange(chainId: number | null): void;
  allLabel: string;
}

const ALL = 'all';

const ENABLE_MORE = 'Enable more networks…';

/**
 * The networks a picker offers: the enabled ones in the wallet's order, since choosing any other could only be
 * refused. The current value stays listed, marked off, when it is not enabled, so the picker never shows a
 * network other than the one in use.
 */
export function pickableChains(
  chains: readonly Chain[],
  enabledChainIds: readonly number[],
  value: number | null,
): { chain: Chain; off: boolean }[] {
  return chains
    .filter((chain) => enabledChainIds.includes(chain.id) || chain.id === value)
    .map((chain) => ({ chain, off: !enabledChainIds.includes(chain.id) }));
}

/** Picks one of the networks the user enabled (or all of them, as a filter), with a link to Settings for the rest. */
export function NetworkSelect(props: OneNetworkProps | AnyNetworkProps) {
  const { value, onChange: _onChange, allLabel, enableMore = 'text', ...selectProps } = props;
  const { chains, settings } = useWallet();
  const listed = pickableChains(chains, settings.enabledChainIds, value);
  const choose = (raw: string) => {
    if (props.allLabel === undefined) props.onChange(Number(raw));
    else props.onChange(raw === ALL ? null : Number(raw));
  };
  return (
    <span className="network-select" data-more={enableMore}>
      <Select
        {...selectProps}
        leading={value === null ? undefined : <ChainDot chainId={value} />}
        value={value ?? ALL}
        onChange={(event) => choose(event.target.value)}
      >
        {allLabel !== undefined && <option value={ALL}>{allLabel}</option>}
        {listed.map(({ chain, off }) => (
          <option key={chain.id} value={chain.id}>
            {off ? `${chain.name} (off)` : chain.name}
          </option>
        ))}
      </Select>
      {enableMore !== 'none' && (
        // A link beside the list rather than an option in it: arrowing through a closed select fires a change
        // on each step, which would leave the page.
        <a
          className="network-select__more"
          href={settingsHref('networks')}
          aria-label={enableMore === 'icon' ? ENABLE_MORE : undefined}
          title={enableMore === 'icon' ? ENABLE_MORE : undefined}
        >
          {enableMore === 'icon' ? <SlidersHorizontal size={14} aria-hidden="true" /> : ENABLE_MORE}
        </a>
      )}
    </span>
  );
}
