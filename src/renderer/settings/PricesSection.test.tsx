// @vitest-environment happy-dom
import { act, cleanup, fireEvent } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPage } from '../../../test/renderer/openPage';
import { openSettings, section } from '../../../test/renderer/openSettings';
import { WalletClientDouble } from '../../../test/renderer/WalletClientDouble';

let client: WalletClientDouble;

beforeEach(() => {
  client = new WalletClientDouble();
});
afterEach(cleanup);

const prices = () => section('Prices');
const currency = () => prices().getByRole<HTMLSelectElement>('combobox', { name: 'Currency' });
const serviceSwitch = () =>
  prices().getByRole<HTMLInputElement>('switch', { name: 'Ask CoinGecko about tokens without a feed' });
const described = (element: HTMLElement) =>
  document.getElementById(element.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
const settingsSets = () => client.calls.filter((call) => call.channel === 'settings.set');

describe('PricesSection', () => {
  it('says plainly that prices come from on-chain feeds through the user’s own RPC', async () => {
    await openSettings(client);
    const feeds = prices().getByText(/Prices come from Chainlink price feeds/).textContent;
    expect(feeds).toContain('read through your own network connection (RPC)');
    expect(feeds).toContain('same request as your balances');
    expect(feeds).toContain('no price service learns what you hold');
    expect(feeds).toMatch(/“stale”.*“no price”/);
  });

  it('leaves the price service off by default, and says what CoinGecko would see and not see', async () => {
    await openSettings(client);
    expect(serviceSwitch().checked).toBe(false);
    const sees = described(serviceSwitch());
    expect(sees).toContain('tokens with no price feed only');
    for (const seen of ['contract addresses', 'their networks', 'your currency', 'your IP address']) {
      expect(sees).toContain(seen);
    }
    expect(sees).toContain('never your accounts or amounts');
  });

  it('turns the price service on through main', async () => {
    await openSettings(client);
    await act(async () => fireEvent.click(serviceSwitch()));
    expect(settingsSets()).toEqual([{ channel: 'settings.set', request: { priceService: true } }]);
    expect(client.settings.priceService).toBe(true);
  });

  it('names each currency, and says another than USD is converted with a rate feed on Ethereum', async () => {
    await openSettings(client);
    expect(Array.from(currency().options, (option) => option.textContent)).toEqual([
      'USD · US Dollar',
      'EUR · Euro',
      'GBP · British Pound',
      'CHF · Swiss Franc',
      'JPY · Japanese Yen',
    ]);
    expect(described(currency())).toMatch(
      /another currency is converted with its own rate feed, read on Ethereum/,
    );
  });

  it('warns when the currency needs Ethereum’s rate feed and Ethereum is off', async () => {
    client.settings = {
      ...client.settings,
      fiatCurrency: 'USD',
      enabledChainIds: [8453],
      activeChainId: 8453,
    };
    await openSettings(client);
    expect(prices().queryByText(/Ethereum is turned off/)).toBeNull();
    await act(async () => fireEvent.change(currency(), { target: { value: 'EUR' } }));
    expect(
      prices().getByText(/Ethereum is turned off in Networks, so the EUR rate cannot be read/),
    ).toBeTruthy();
  });

  it('is reached from its own address', async () => {
    await openPage(client, 'settings/prices', 'Settings');
    expect(document.activeElement?.textContent).toBe('Prices');
  });
});
