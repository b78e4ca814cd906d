// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AgeUnit, formatAge } from '../format/age';
import { useDatedNow } from './useNow';

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_000);
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A price's age on a 10 s clock, noting each render's text. */
function renderAge(pricedMs: number, finest: AgeUnit) {
  const shown: string[] = [];
  function PriceAge() {
    const label = formatAge(pricedMs, useDatedNow(10_000, [pricedMs], finest), finest);
    shown.push(label);
    return <span>{label}</span>;
  }
  const { container } = render(<PriceAge />);
  return { shown, text: () => container.textContent };
}

describe('useDatedNow', () => {
  it('re-renders a label when it says something new, not at every tick of its clock', () => {
    const age = renderAge(Date.now() - 4 * 60_000 - 5_000, 'minute');
    expect(age.text()).toBe('4 min ago');
    // Five 10 s ticks inside the fifth minute: nothing new to say, nothing rendered.
    act(() => vi.advanceTimersByTime(50_000));
    expect(age.shown).toEqual(['4 min ago']);
    // The tick after it turned 5 min: one render, with the new text.
    act(() => vi.advanceTimersByTime(10_000));
    expect(age.text()).toBe('5 min ago');
    expect(age.shown).toEqual(['4 min ago', '5 min ago']);
  });

  it('holds a price under a minute old still until it turns a minute', () => {
    const age = renderAge(Date.now() - 2_000, 'minute');
    act(() => vi.advanceTimersByTime(50_000));
    expect(age.shown).toEqual(['under 1 min ago']);
    act(() => vi.advanceTimersByTime(10_000));
    expect(age.shown).toEqual(['under 1 min ago', '1 min ago']);
  });

  it('counts a label in seconds on each tick', () => {
    const age = renderAge(Date.now() - 2_000, 'second');
    expect(age.text()).toBe('2 s ago');
    act(() => vi.advanceTimersByTime(10_000));
    expect(age.text()).toBe('12 s ago');
  });
});
