import { FiatCurrency } from '../../shared/settings';
import { Callout } from '../controls/Callout';
import { ErrorNote } from '../controls/ErrorNote';
import { Select } from '../controls/Select';
import { useSettingField } from '../session/useSettingField';
import { useWallet } from '../session/WalletContext';
import { SettingRow } from './SettingRow';
import { SettingSwitchRow } from './SettingSwitchRow';
import { SettingsSection } from './SettingsSection';

const currencyNames = new Intl.DisplayNames(['en'], { type: 'currency' });
/** Currency rate feeds are read on Ethereum (src/main/prices/priceFeeds.ts). */
const RATES_CHAIN_ID = 1;

/**
 * Where values come from, and what learns about it: on-chain feeds through the user's own node by default,
 * and the price service only once the user turns it on, with what it would see said before they do.
 */
export function PricesSection() {
  const { settings } = useWallet();
  const currency = useSettingField('fiatCurrency');
  const ratesOff = currency.value !== 'USD' && !settings.enabledChainIds.includes(RATES_CHAIN_ID);

  return (
    <SettingsSection title="Prices">
      <SettingRow
        label="Price feeds"
        description={
          <>
            Prices come from Chainlink price feeds, read through your own network connection (RPC) in the same
            request as your balances, so no price service learns what you hold. Each value says which feed it
            came from and how old it is. A feed older than its update interval shows “stale”, and a token with
            no feed shows “no price”, never a guess, unless you let CoinGecko price it below.
          </>
        }
      />
      <SettingRow
        label="Currency"
        description="Values and totals are shown in this currency. Feeds price in US dollars; another currency is converted with its own rate feed, read on Ethereum."
        note={
          currency.error ? (
            <ErrorNote outcome="Not saved" message={currency.error} />
          ) : (
            ratesOff && (
              <Callout tone="warning">
                Ethereum is turned off in Networks, so the {currency.value} rate cannot be read and values
                show “no price”. Turn Ethereum on, or choose USD.
              </Callout>
            )
          )
        }
      >
        {({ labelId, descriptionId }) => (
          <Select
            aria-labelledby={labelId}
            aria-describedby={descriptionId}
            aria-busy={currency.saving}
            value={currency.value}
            onChange={(event) => currency.change(FiatCurrency.parse(event.target.value))}
          >
            {FiatCurrency.options.map((code) => (
              <option key={code} value={code}>
                {code} · {currencyNames.of(code)}
              </option>
            ))}
          </Select>
        )}
      </SettingRow>
      <SettingSwitchRow
        setting="priceService"
        label="Ask CoinGecko about tokens without a feed"
        description={
          <>
            For tokens with no price feed only. CoinGecko then sees those tokens’ contract addresses, their
            networks, your currency and your IP address, never your accounts or amounts.
          </>
        }
      />
    </SettingsSection>
  );
}
