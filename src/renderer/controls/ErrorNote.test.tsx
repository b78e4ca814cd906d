// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimFailure, reportFailure } from '../session/failureFocus';
import { ErrorNote } from './ErrorNote';

afterEach(() => {
  cleanup();
  claimFailure();
  vi.restoreAllMocks();
});

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

describe('ErrorNote focus', () => {
  it('scrolls into view and takes focus when it shows a failure the user just caused', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    reportFailure();
    render(<ErrorNote outcome="Not sent" message={SENTENCE} />);
    expect(document.activeElement).toBe(screen.getByRole('alert'));
    expect(scrolled.mock.contexts).toEqual([screen.getByRole('alert')]);
  });

  it('leaves focus and scroll alone for an error shown without a user action, such as a failed load', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    render(
      <>
        <input aria-label="Search" autoFocus />
        <ErrorNote outcome="Could not load the history" message="Try again." />
      </>,
    );
    expect(document.activeElement).toBe(screen.getByRole('textbox', { name: 'Search' }));
    expect(scrolled).not.toHaveBeenCalled();
  });

  it('takes focus once per failure: a second note in the same render leaves it to the first', () => {
    reportFailure();
    render(
      <>
        <ErrorNote id="first" outcome="Not sent" message={SENTENCE} />
        <ErrorNote id="second" outcome="Not saved" message="Try again." />
      </>,
    );
    expect(document.activeElement?.id).toBe('first');
  });

  it('leaves focus on the field it describes, and only scrolls into view', () => {
    const scrolled = vi.spyOn(HTMLElement.prototype, 'scrollIntoView');
    const { rerender } = render(<input aria-label="Amount" aria-describedby="amount-error" />);
    const field = screen.getByRole('textbox', { name: 'Amount' });
    field.focus();
    reportFailure();
    rerender(
      <>
        <input aria-label="Amount" aria-describedby="amount-error" />
        <ErrorNote id="amount-error" outcome="Not added" message="Enter an amount." />
      </>,
    );
    expect(document.activeElement).toBe(field);
    expect(scrolled).toHaveBeenCalledWith({ block: 'center' });
  });
});
