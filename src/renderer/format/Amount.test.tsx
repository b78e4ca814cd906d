// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { Amount } from './Amount';

afterEach(cleanup);

/** 4.899615123456789012 ETH in wei: more digits than a table column shows. */
const LONG = 4_899_615_123_456_789_012n;

describe('Amount', () => {
  it('shows a figure that fits as plain text, with no control to press', () => {
    const { container } = render(<Amount value={1_500_000_000_000_000_000n} decimals={18} symbol="ETH" />);
    expect(container.textContent).toBe('1.5 ETH');
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('makes a shortened figure a button whose title and expansion give every digit', () => {
    render(<Amount value={LONG} decimals={18} symbol="ETH" />);
    const figure = screen.getByRole('button', { name: '4.899615… ETH' });
    expect(figure.getAttribute('title')).toBe('4.899615123456789012 ETH');
    expect(figure.getAttribute('aria-expanded')).toBe('false');

    fireEvent.click(figure);
    expect(figure.textContent).toBe('4.899615123456789012 ETH');
    expect(figure.getAttribute('aria-expanded')).toBe('true');

    fireEvent.click(figure);
    expect(figure.textContent).toBe('4.899615… ETH');
  });

  it('is reached by Tab, since a title alone is out of reach of the keyboard', () => {
    render(<Amount value={LONG} decimals={18} symbol="ETH" />);
    const figure = screen.getByRole('button');
    figure.focus();
    expect(document.activeElement).toBe(figure);
    expect(figure.tabIndex).toBe(0);
  });

  it('marks a lower bound and keeps the caller’s fuller title', () => {
    const title = 'At least 4.899615123456789012 ETH: 1 of 2 balances could not be read.';
    render(<Amount value={LONG} decimals={18} symbol="ETH" atLeast title={title} />);
    const figure = screen.getByRole('button');
    expect(figure.textContent).toBe('≥ 4.899615… ETH');
    expect(figure.getAttribute('title')).toBe(title);
  });

  it('signs a change with a real minus, in the short and the full figure alike', () => {
    render(<Amount value={-LONG} decimals={18} symbol="ETH" signed />);
    const figure = screen.getByRole('button');
    expect(figure.textContent).toBe('\u22124.899615… ETH');
    fireEvent.click(figure);
    expect(figure.textContent).toBe('\u22124.899615123456789012 ETH');
  });
});
