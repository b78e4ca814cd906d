// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SectionAnchors } from './SectionAnchors';
import { useSectionInView } from './useSectionInView';

/** A 600 px scroller holding three sections 500 px apart, with the layout happy-dom does not compute. */
function layout(scrollHeight = 1800) {
  const scroller = document.createElement('div');
  scroller.style.overflowY = 'auto';
  document.body.append(scroller);
  Object.defineProperties(scroller, {
    clientHeight: { value: 600 },
    scrollHeight: { value: scrollHeight },
    getBoundingClientRect: { value: () => ({ top: 56 }) },
  });
  const anchors = new SectionAnchors();
  const sections = ['Appearance', 'Networks', 'About'].map((title, index) => {
    const heading = document.createElement('h2');
    Object.defineProperty(heading, 'getBoundingClientRect', {
      value: () => ({ top: 56 + 120 + index * 500 - scroller.scrollTop }),
    });
    scroller.append(heading);
    return { title, heading };
  });
  /** Puts every heading on the page, as the sections' own effects do. */
  const place = () => sections.forEach(({ title, heading }) => anchors.add(title, heading));
  return { scroller, anchors, place };
}

async function scrollTo(scroller: HTMLElement, top: number) {
  await act(async () => {
    scroller.scrollTop = top;
    scroller.dispatchEvent(new Event('scroll'));
    await new Promise((resolve) => requestAnimationFrame(resolve));
  });
}

let page: ReturnType<typeof layout>;

beforeEach(() => {
  page = layout();
});
afterEach(() => {
  document.body.replaceChildren();
});

describe('useSectionInView', () => {
  it('has no section until a heading is on the page, then follows the scroller', async () => {
    const { result } = renderHook(() => useSectionInView(page.anchors, undefined));
    await scrollTo(page.scroller, 0);
    expect(result.current).toBeUndefined();

    await act(async () => {
      page.place();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(result.current).toBe('appearance');

    await scrollTo(page.scroller, 450);
    expect(result.current).toBe('networks');
  });

  it('at the end of the page, marks the section the address names while it shows', async () => {
    // The page ends 100 px below About's heading: scrolled to the end, Networks sits at the top of the view
    // and About half way down, where it could never reach the top third.
    page = layout(1220);
    page.place();
    const { result, rerender } = renderHook(
      ({ asked }: { asked: 'appearance' | 'networks' | undefined }) => useSectionInView(page.anchors, asked),
      { initialProps: { asked: 'networks' } },
    );
    await scrollTo(page.scroller, 620);
    expect(result.current).toBe('networks');
    rerender({ asked: undefined });
    await scrollTo(page.scroller, 620);
    expect(result.current).toBe('about');
    rerender({ asked: 'appearance' });
    await scrollTo(page.scroller, 620);
    expect(result.current).toBe('about');
    // Short of the end, the top third decides whatever was asked.
    await scrollTo(page.scroller, 300);
    expect(result.current).toBe('appearance');
    rerender({ asked: undefined });
    await scrollTo(page.scroller, 450);
    expect(result.current).toBe('networks');
  });

  it('stops listening once unmounted', async () => {
    page.place();
    const { result, unmount } = renderHook(() => useSectionInView(page.anchors, undefined));
    await scrollTo(page.scroller, 0);
    unmount();
    await scrollTo(page.scroller, 450);
    expect(result.current).toBe('appearance');
  });
});
