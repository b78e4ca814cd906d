/** A section's heading, measured from the top of the scroller's visible area. */
export interface HeadingPlace<Id extends string = string> {
  id: Id;
  top: number;
}

export interface ScrollView {
  /** Height of the scroller's visible area. */
  height: number;
  /** Not scrolled at all. */
  atStart: boolean;
  /** Scrolled as far down as it goes, having scrolled at all. */
  atEnd: boolean;
}

/**
 * Which section the reader is in, for the index to mark: the last, in page order, whose heading has risen
 * into the top third of the view. The ends of the page are exceptions, since short sections there may never
 * reach or leave that third: at the start it is the first section; at the end, the one the user asked for
 * while its heading is in view, and otherwise the last.
 */
export function sectionInView<Id extends string>(
  headings: readonly HeadingPlace<Id>[],
  view: ScrollView,
  asked?: Id,
): Id | undefined {
  if (view.atStart) return headings[0]?.id;
  if (view.atEnd) {
    const wanted = headings.find((place) => place.id === asked && place.top >= 0 && place.top < view.height);
    return (wanted ?? headings.at(-1))?.id;
  }
  const line = view.height / 3;
  let current = headings[0]?.id;
  for (const place of headings) if (place.top <= line) current = place.id;
  return current;
}
