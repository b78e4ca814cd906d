import { describe, expect, it } from 'vitest';
import { MAX_SCROLL_HEIGHT, scrollScale } from './scrollScale';

describe('scrollScale', () => {
  it('leaves a list under the cap as it is', () => {
    const scale = scrollScale(640_000, 480);
    expect(scale.height).toBe(640_000);
    expect(scale.toOffset(12_345)).toBe(12_345);
    expect(scale.toScrollTop(12_345)).toBe(12_345);
  });

  it('fits a million entries under the browser cap, ends lined up with ends', () => {
    const total = 1_000_000 * 64;
    const scale = scrollScale(total, 480);
    expect(scale.height).toBe(MAX_SCROLL_HEIGHT);
    expect(scale.toOffset(0)).toBe(0);
    // Scrolled to the bottom of the scroll range, the last screen of the list is in view.
    expect(scale.toOffset(MAX_SCROLL_HEIGHT - 480)).toBeCloseTo(total - 480, 3);
    expect(scale.toScrollTop(total - 480)).toBeCloseTo(MAX_SCROLL_HEIGHT - 480, 3);
    expect(scale.toOffset(scale.toScrollTop(31_000_000))).toBeCloseTo(31_000_000, 3);
  });

  it('scrolls past the end of the list, onto what follows it, one to one', () => {
    const scale = scrollScale(64_000_000, 480);
    expect(scale.toOffset(-50)).toBe(0);
    expect(scale.toOffset(MAX_SCROLL_HEIGHT - 480 + 40)).toBeCloseTo(64_000_000 - 480 + 40, 3);
    expect(scale.toScrollTop(64_000_000 - 480 + 40)).toBeCloseTo(MAX_SCROLL_HEIGHT - 480 + 40, 3);
  });
});
