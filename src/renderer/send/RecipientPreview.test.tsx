// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReviewAction } from '../../shared/review';
import { RecipientPreview } from './RecipientPreview';

const SAVINGS = '0x90F79bf6EB2c4f870365E785982E1f101E93b906';
const amount = { value: '1', decimals: 18, symbol: 'ETH', unlimited: false };

afterEach(cleanup);

describe('RecipientPreview', () => {
  it('shows the whole address and the name with where it comes from', () => {
    const action: ReviewAction = {
      type: 'native-transfer',
      to: { address: SAVINGS, name: 'Savings', source: 'account' },
      amount,
    };
    render(<RecipientPreview action={action} />);
    expect(screen.getByTestId('recipient-preview').textContent).toBe(`${SAVINGS} · Savings (your account)`);
  });

  it('shows a bare address alone', () => {
    const action: ReviewAction = {
      type: 'native-transfer',
      to: { address: SAVINGS, name: null, source: 'none' },
      amount,
    };
    render(<RecipientPreview action={action} />);
    expect(screen.getByTestId('recipient-preview').textContent).toBe(SAVINGS);
  });
});
