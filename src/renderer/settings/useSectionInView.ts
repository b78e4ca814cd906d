import { useEffect, useState } from 'react';
import type { SectionAnchors } from './SectionAnchors';
import { sectionInView } from './sectionInView';
import { scrollerOf } from './scrollerOf';
import { SETTINGS_SECTIONS, type SettingsSectionId } from './settingsSections';

function measure(
  anchors: SectionAnchors,
  asked: SettingsSectionId | undefined,
): SettingsSectionId | undefined {
  const placed = SETTINGS_SECTIONS.flatMap(({ id, title }) => {
    const heading = anchors.heading(title);
    return heading ? [{ id, heading }] : [];
  });
  const first = placed[0];
  if (!first) return undefined;
  const scroller = scrollerOf(first.heading);
  const ownScroller = scroller !== document.scrollingElement;
  const top = ownScroller ? scroller.getBoundingClientRect().top : 0;
  const { scrollTop, clientHeight, scrollHeight } = scroller;
  const view = {
    height: ownScroller ? clientHeight : window.innerHeight,
    atStart: scrollTop === 0,
    atEnd: scrollTop > 0 && scrollTop + clientHeight >= scrollHeight - 1,
  };
  const headings = placed.map(({ id, heading }) => ({ id, top: heading.getBoundingClientRect().top - top }));
  return sectionInView(headings, view, asked);
}

/**
 * The Settings section the reader is in, for the index to mark, followed as the page scrolls, resizes or
 * gains a section. `asked` is the section the address names.
 */
export function useSectionInView(
  anchors: SectionAnchors,
  asked: SettingsSectionId | undefined,
): SettingsSectionId | undefined {
  const [current, setCurrent] = useState<SettingsSectionId>();

  useEffect(() => {
    let frame = 0;
    const update = () => {
      frame = 0;
      setCurrent(measure(anchors, asked));
    };
    // At most one measurement a frame, however many scroll events arrive.
    const schedule = () => {
      if (frame === 0) frame = requestAnimationFrame(update);
    };
    schedule();
    // Scroll does not bubble, but the capture phase hears the console's scroller without naming it.
    document.addEventListener('scroll', schedule, { capture: true, passive: true });
    window.addEventListener('resize', schedule);
    const unsubscribe = anchors.subscribe(schedule);
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener('scroll', schedule, { capture: true });
      window.removeEventListener('resize', schedule);
      unsubscribe();
    };
  }, [anchors, asked]);

  return current;
}
