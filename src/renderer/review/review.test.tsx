// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  drainerReview,
  finding,
  overBalanceReview,
  revertReview,
  speedUpReview,
  txReview,
} from '../../../test/renderer/double/txReviewFixture';
import type { DeviceScreen, TxReview } from '../../shared/review';
import { AmountText } from './AmountText';
import { BalanceChangeList } from './BalanceChangeList';
import { DeviceLines } from './DeviceLines';
import { FindingList } from './FindingList';
import { PartyName } from './PartyName';
import { TxReviewView } from './TxReviewView';

afterEach(cleanup);

function deviceOf(review: TxReview): DeviceScreen {
  if (!review.device) throw new Error('the fixture has a device');
  return review.device;
}

const eth = (value: string) => ({ value, decimals: 18, symbol: 'ETH', unlimited: false });

describe('AmountText', () => {
  it('shows about six significant digits, every digit in the title and on the clipboard', async () => {
    const writeText = vi.fn(() => Promise.resolve());
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<AmountText amount={eth('1234567891234567891234')} />);
    const figure = screen.getByText('1,234.567891… ETH');
    expect(figure.getAttribute('title')).toBe('1,234.567891234567891234 ETH');
    fireEvent.click(screen.getByRole('button', { name: /^Copy amount/ }));
    expect(writeText).toHaveBeenCalledWith('1234.567891234567891234');
  });

  it('never shows 18 decimals of a small fee', () => {
    render(<AmountText amount={eth('462123456789012')} />);
    expect(screen.getByText('0.000462123… ETH')).toBeTruthy();
  });

  it('says Unlimited for an unlimited approval', () => {
    render(
      <AmountText
        amount={{ value: (2n ** 256n - 1n).toString(), decimals: 6, symbol: 'USDC', unlimited: true }}
      />,
    );
    expect(screen.getByText('Unlimited USDC')).toBeTruthy();
  });

  it('signs a change with a real minus for a loss and a plus for a gain', () => {
    render(
      <>
        <AmountText signed amount={{ ...eth('-100000000000000000000'), symbol: 'TKN' }} />
        <AmountText signed amount={eth('500000000000000000')} />
      </>,
    );
    expect(screen.getByText('\u2212100 TKN')).toBeTruthy();
    expect(screen.getByText('+0.5 ETH')).toBeTruthy();
  });
});

describe('PartyName', () => {
  it('names a party with where the name comes from, the short address beside it', () => {
    render(
      <PartyName
        party={{ address: '0x2222222222222222222222222222222222222222', name: 'Bob', source: 'address-book' }}
      />,
    );
    expect(screen.getByText('Bob')).toBeTruthy();
    expect(screen.getByText('(your address book)')).toBeTruthy();
    expect(screen.getByText('0x2222…2222').getAttribute('title')).toBe(
      '0x2222222222222222222222222222222222222222',
    );
  });

  it('shows an unnamed address whole, for the user to compare', () => {
    render(
      <PartyName
        party={{ address: '0x2222222222222222222222222222222222222222', name: null, source: 'none' }}
      />,
    );
    expect(screen.getByText('0x2222222222222222222222222222222222222222')).toBeTruthy();
  });
});

describe('FindingList', () => {
  it('puts blocking findings first, with their facts and fix', () => {
    const onFix = vi.fn();
    render(<FindingList findings={overBalanceReview().findings} onFix={onFix} />);
    const items = within(screen.getByRole('list', { name: 'Findings' })).getAllByRole('listitem');
    expect(items[0]?.textContent).toContain(
      'The account holds less than the amount plus the max network fee.',
    );
    expect(items[0]?.textContent).toContain('Balance');
    expect(items[0]?.textContent).toContain('1.2 ETH');
    expect(items[1]?.textContent).toContain('You have not sent to this address before.');
    fireEvent.click(screen.getByRole('button', { name: 'Max' }));
    expect(onFix).toHaveBeenCalledWith({ type: 'max', amount: '1.199118' });
  });

  it('offers no fix buttons without a handler', () => {
    render(<FindingList findings={overBalanceReview().findings} />);
    expect(screen.queryByRole('button', { name: 'Max' })).toBeNull();
  });

  it('names the network a switch goes to', () => {
    const onFix = vi.fn();
    render(
      <FindingList
        onFix={onFix}
        findings={[
          finding({
            code: 'chain-mismatch',
            message: 'Your phone is on Ethereum, but this is for Base.',
            fix: { type: 'switch-chain', chainId: 8453 },
          }),
        ]}
      />,
    );
    // Outside a wallet session there are no chain names to go by; the id still says where.
    fireEvent.click(screen.getByRole('button', { name: 'Switch to chain 8453' }));
    expect(onFix).toHaveBeenCalledWith({ type: 'switch-chain', chainId: 8453 });
  });

  it('lets a revert be overridden only through its checkbox', () => {
    const onAllow = vi.fn();
    const { rerender } = render(<FindingList findings={revertReview().findings} />);
    expect(screen.queryByRole('checkbox')).toBeNull();
    rerender(
      <FindingList findings={revertReview().findings} allowRevert={false} onAllowRevertChange={onAllow} />,
    );
    const box = screen.getByRole('checkbox', { name: 'Sign anyway: I understand it will fail' });
    expect((box as HTMLInputElement).checked).toBe(false);
    fireEvent.click(box);
    expect(onAllow).toHaveBeenCalledWith(true);
  });

  it('says so when nothing was found', () => {
    render(<FindingList findings={[]} />);
    expect(screen.getByText('Nothing found to warn you about.')).toBeTruthy();
  });
});

describe('BalanceChangeList', () => {
  it('shows the drainer taking 100 TKN as "−100 TKN"', () => {
    render(<BalanceChangeList simulation={drainerReview().simulation} />);
    const list = within(screen.getByRole('list', { name: 'Balance changes' }));
    const mine = list.getAllByRole('listitem')[0];
    expect(mine?.textContent).toContain('Ledger main');
    expect(within(mine as HTMLElement).getByText('\u2212100 TKN')).toBeTruthy();
    expect(list.getByText('+100 TKN')).toBeTruthy();
  });

  it('says why balance changes are missing when the node could not simulate', () => {
    render(
      <BalanceChangeList
        simulation={{
          ...drainerReview().simulation,
          status: 'checked',
          balanceChanges: [],
          note: "Balance changes are not available from this network's RPC.",
        }}
      />,
    );
    expect(screen.queryByRole('list', { name: 'Balance changes' })).toBeNull();
    expect(screen.getByText("Balance changes are not available from this network's RPC.")).toBeTruthy();
  });

  it('names an NFT by its id', () => {
    const simulation = drainerReview().simulation;
    const [first] = simulation.balanceChanges;
    if (!first) throw new Error('the fixture has a change');
    render(
      <BalanceChangeList
        simulation={{
          ...simulation,
          balanceChanges: [
            {
              ...first,
              asset: { ...first.asset, kind: 'erc721', symbol: 'PUNK', decimals: 0, tokenId: '42' },
              delta: '-1',
            },
          ],
        }}
      />,
    );
    expect(screen.getByText('\u22121 PUNK #42')).toBeTruthy();
  });
});

describe('DeviceLines', () => {
  it("lists the device's lines in its own terms", () => {
    render(<DeviceLines device={deviceOf(txReview())} />);
    const lines = within(screen.getByRole('list', { name: 'What the device will show' }));
    expect(lines.getByText('ETH 0.5')).toBeTruthy();
    expect(screen.getByText(/Your Ledger will show/)).toBeTruthy();
    expect(screen.queryByText('Blind signing')).toBeNull();
  });

  it('says plainly when the device signs blind', () => {
    render(<DeviceLines device={deviceOf(drainerReview())} />);
    expect(screen.getByText('Blind signing')).toBeTruthy();
    // The device's own reason, said once, in the warning.
    expect(screen.getAllByText(/Blind signing must be enabled/)).toHaveLength(1);
    render(<DeviceLines device={{ ...deviceOf(drainerReview()), note: null }} />);
    expect(screen.getByText(/cannot decode this request/)).toBeTruthy();
  });
});

describe('TxReviewView', () => {
  it('shows the action, its parties, the simulation, the fees and the device', () => {
    render(<TxReviewView review={txReview()} />);
    expect(screen.getByText('Send 0.5 ETH to Bob')).toBeTruthy();
    const to = screen.getAllByText('To', { selector: 'dt' })[0]?.parentElement as HTMLElement;
    expect(to.textContent).toContain('Bob(your address book)0x2222…2222');
    expect(screen.getByRole('list', { name: 'Balance changes' }).textContent).toContain('\u22120.5 ETH');
    expect(screen.getByText('21,000')).toBeTruthy();
    expect(screen.getByText('0.000462123… ETH')).toBeTruthy();
    expect(screen.getByText('0.500882 ETH')).toBeTruthy();
    expect(screen.getByRole('list', { name: 'What the device will show' })).toBeTruthy();
    expect(screen.queryByText('L1 data fee')).toBeNull();
  });

  it('shows the revert reason', () => {
    render(<TxReviewView review={revertReview()} />);
    expect(screen.getByText('Always fails')).toBeTruthy();
  });

  it("shows an L2's L1 data fee, or says plainly that its oracle did not answer", () => {
    const fees = txReview().fees;
    const { rerender } = render(
      <TxReviewView
        review={txReview({
          fees: { ...fees, l1: { status: 'included', amount: '12345678901', message: null } },
        })}
      />,
    );
    expect(screen.getByText('L1 data fee')).toBeTruthy();
    expect(screen.getByText('0.0000000123456… ETH')).toBeTruthy();
    const message = "Base's L1 fee oracle did not answer: the fee leaves out the L1 data fee.";
    rerender(
      <TxReviewView
        review={txReview({ fees: { ...fees, l1: { status: 'unavailable', amount: null, message } } })}
      />,
    );
    expect(screen.getByText(message)).toBeTruthy();
  });

  it('shows a replacement’s old and new max fee side by side', () => {
    render(<TxReviewView review={speedUpReview()} />);
    const side = (label: string) => within(screen.getByText(label).parentElement as HTMLElement);
    expect(side('Old max fee').getByText('0.000882 ETH')).toBeTruthy();
    expect(side('Old max fee').getByText('42 gwei per gas')).toBeTruthy();
    expect(side('New max fee').getByText('0.00105 ETH')).toBeTruthy();
    expect(side('New max fee').getByText('50 gwei per gas')).toBeTruthy();
  });
});
