/**
 * Browsers cap how tall an element can be: Chromium at 33,554,432 px (2^25), Firefox near 17.9M. A timeline
 * of a million entries is 64M px, so past the cap its end could not be scrolled to. Above this height the
 * list is drawn in a scroll space of this height instead, and scroll positions are mapped between the two.
 */
export const MAX_SCROLL_HEIGHT = 15_000_000;

/** Maps between where the viewport is scrolled (physical) and where that is in the laid-out list (offset). */
export interface ScrollScale {
  /** The height the list takes in the page: its real height, or the cap. */
  height: number;
  toOffset(scrollTop: number): number;
  toScrollTop(offset: number): number;
}

/**
 * Linear between the two ends, so the top and the bottom of the list line up exactly with the top and the
 * bottom of the scroll range. Below the cap the map is the identity and nothing changes; above it a wheel
 * step moves `ratio` times as far through the list, the price of reaching every entry with the scroll bar.
 * Whatever follows the list in the viewport (the "loading" line) is scrolled past one to one.
 */
export function scrollScale(total: number, viewportHeight: number, cap = MAX_SCROLL_HEIGHT): ScrollScale {
  if (total <= cap) return { height: total, toOffset: (top) => top, toScrollTop: (offset) => offset };
  const range = Math.max(1, cap - viewportHeight);
  const end = Math.max(0, total - viewportHeight);
  const ratio = end / range;
  return {
    height: cap,
    toOffset: (top) => (top <= range ? Math.max(0, top) * ratio : end + (top - range)),
    toScrollTop: (offset) => (offset <= end ? Math.max(0, offset) / ratio : range + (offset - end)),
  };
}
