// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorNote } from './ErrorNote';

afterEach(cleanup);

const SENTENCE =
  'The account cannot pay for this: it holds 1.2 ETH and needs 2 ETH. Lower the amount or add funds.';
const RAW =
  '127.0.0.1:39383 refused eth_sendRawTransaction: Insufficient funds for gas * price + value (code -32003).';

describe('ErrorNote', () => {
  it('announces the outcome and the sentence, and nothing else when there is no detail', () => {
    render(<ErrorNote outcome="Not sent" message={SENTENCE} />);
    expect(screen.getByRole('alert').textContent).toBe(`Not sent: ${SENTENCE}`);
    expect(screen.queryByText('Details')).toBeNull();
  });

  it('keeps the raw detail in a closed Details disclosure, apart from the sentence', () => {
    render(<ErrorNote outcome="Not sent" message={SENTENCE} detail={RAW} />);
    const alert = screen.getByRole('alert');
    const details = alert.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toBe('Details');
    expect(details?.querySelector('pre')?.textContent).toBe(RAW);
    // The raw text is inside the disclosure only: the sentence the user reads first does not carry it.
    const sentence = alert.textContent?.replace(details?.textContent ?? '', '');
    expect(sentence).toBe(`Not sent: ${SENTENCE}`);
  });

  it('copies the raw detail exactly, for a bug report', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<ErrorNote outcome="Not sent" message={SENTENCE} detail={RAW} />);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Copy the error details' })));
    expect(writeText).toHaveBeenCalledWith(RAW);
    expect(screen.getByRole('button', { name: 'Copied the error details' })).toBeTruthy();
  });

  it('treats an empty or missing detail as none', () => {
    render(<ErrorNote outcome="Not saved" message="Try again." detail="" />);
    expect(screen.getByRole('alert').querySelector('details')).toBeNull();
  });
});
