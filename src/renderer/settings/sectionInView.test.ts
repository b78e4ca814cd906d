import { describe, expect, it } from 'vitest';
import { sectionInView, type HeadingPlace } from './sectionInView';

/** Three sections 500 px apart, the page scrolled by `scrolled` px, in a 600 px view. */
function page(scrolled: number): HeadingPlace[] {
  return ['appearance', 'networks', 'about'].map((id, index) => ({ id, top: 120 + index * 500 - scrolled }));
}
const middle = { height: 600, atStart: false, atEnd: false };
const end = { height: 600, atStart: false, atEnd: true };

describe('sectionInView', () => {
  it('is the first section at the top of the page, even with the next heading in the top third', () => {
    const short = [
      { id: 'appearance', top: 100 },
      { id: 'preferences', top: 180 },
    ];
    expect(sectionInView(short, { height: 600, atStart: true, atEnd: false })).toBe('appearance');
    expect(sectionInView(short, middle)).toBe('preferences');
  });

  it('moves on once the next heading rises into the top third of the view', () => {
    // Networks' heading at 320 px is still below the line at 200 px; at 190 px it has crossed it.
    expect(sectionInView(page(300), middle)).toBe('appearance');
    expect(sectionInView(page(430), middle)).toBe('networks');
  });

  it('stays on the first section while the view is above every heading', () => {
    expect(sectionInView(page(-400), middle)).toBe('appearance');
  });

  it('at the end of the page, marks the section asked for while its heading shows', () => {
    // Networks at 20 px and About at 520 px are both in view; About could never reach the top third.
    expect(sectionInView(page(600), end, 'networks')).toBe('networks');
    expect(sectionInView(page(600), end, 'about')).toBe('about');
    expect(sectionInView(page(600), end)).toBe('about');
  });

  it('at the end of the page, ignores a section asked for that has scrolled out of view', () => {
    expect(sectionInView(page(600), end, 'appearance')).toBe('about');
  });

  it('has nothing to mark before any heading is on the page', () => {
    expect(sectionInView([], middle)).toBeUndefined();
    expect(sectionInView([], end, 'networks')).toBeUndefined();
  });
});
