// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { documentVisibility } from './pageVisibility';

describe('documentVisibility', () => {
  it('reads the page as hidden or shown, and reports each change until unsubscribed', () => {
    let state: DocumentVisibilityState = 'visible';
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
    const switchTo = (next: DocumentVisibilityState) => {
      state = next;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    const visibility = documentVisibility(document);
    const seen: boolean[] = [];
    const stop = visibility.onChange(() => seen.push(visibility.hidden()));
    expect(visibility.hidden()).toBe(false);

    switchTo('hidden');
    switchTo('visible');
    stop();
    switchTo('hidden');
    expect(seen).toEqual([true, false]);
    expect(visibility.hidden()).toBe(true);
  });
});
