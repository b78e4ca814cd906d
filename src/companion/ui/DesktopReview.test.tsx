// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { PhoneReview } from '../../shared/pairing/phoneReview';
import { phoneReviewFor } from '../../../test/companion/phoneReviewFixture';
import { signRequest } from '../../../test/companion/signRequestFixture';
import { DesktopReview } from './DesktopReview';

afterEach(cleanup);

const LEDGER = '0x9858EfFD232B4033E47d90003D41EC34EcaEda94';
const DRAINER = '0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC';
const review = (overrides: Partial<PhoneReview>) => phoneReviewFor(signRequest(), overrides);

describe('DesktopReview', () => {
  it('attributes the summary to the desktop and shows its balance changes the way the desktop writes them', () => {
    render(
      <DesktopReview
        review={review({
          summary: 'Call claim() on 0x3C44…93BC',
          balanceChanges: [
            {
              account: { address: LEDGER, name: 'Ledger main' },
              symbol: 'TKN',
              decimals: 18,
              delta: `-${100n * 10n ** 18n}`,
              tokenId: null,
            },
            {
              account: { address: DRAINER, name: null },
              symbol: 'TKN',
              decimals: 18,
              delta: '100123456789000000000',
              tokenId: null,
            },
          ],
          gasUsed: '51234',
        })}
      />,
    );
    const section = screen.getByRole('region', { name: 'Your desktop’s review' });
    expect(section.textContent).toContain('Your desktop simulated this: Call claim() on 0x3C44…93BC');
    const changes = screen.getByRole('list', { name: 'Balance changes' }).querySelectorAll('li');
    expect([...changes].map((row) => row.textContent)).toEqual([
      'Ledger main\u2212100 TKN',
      '0x3C44…93BC+100.123456… TKN',
    ]);
    expect(screen.getByText('+100.123456… TKN').getAttribute('title')).toBe('+100.123456789 TKN');
    expect(screen.getByText('0x3C44…93BC').getAttribute('title')).toBe(DRAINER);
    expect(screen.getByText('Gas used in the simulation: 51,234')).toBeTruthy();
  });

  it('lists findings by severity with the desktop’s sentences', () => {
    render(
      <DesktopReview
        review={review({
          findings: [
            { code: 'first-time-recipient', severity: 'info', message: 'You have not sent to Bob before.' },
            { code: 'reverts', severity: 'blocking', message: 'This transaction would fail.' },
            { code: 'unlimited-approval', severity: 'warning', message: 'Bob could take all your USDC.' },
          ],
        })}
      />,
    );
    const lists = screen
      .getAllByRole('list')
      .map((list) => [list.getAttribute('aria-label'), list.textContent]);
    expect(lists).toEqual([
      ['Overridden on your desktop', 'This transaction would fail.'],
      ['Warnings', 'Bob could take all your USDC.'],
      ['Notes', 'You have not sent to Bob before.'],
    ]);
  });

  it('says when the desktop could not simulate, with its note, and when it sent no review', () => {
    render(
      <DesktopReview
        review={review({
          simulation: 'checked',
          note: 'Balance changes are not available from this network’s RPC.',
          gasUsed: null,
        })}
      />,
    );
    expect(screen.getByText(/^Your desktop checked this/)).toBeTruthy();
    expect(screen.getByText('Balance changes are not available from this network’s RPC.')).toBeTruthy();
    expect(screen.queryByRole('list', { name: 'Balance changes' })).toBeNull();
    expect(screen.queryByText(/Gas used/)).toBeNull();
    cleanup();

    render(<DesktopReview review={undefined} />);
    expect(screen.getByText(/Your desktop sent no review of this request/)).toBeTruthy();
  });
});
