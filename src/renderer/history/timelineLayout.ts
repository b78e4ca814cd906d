import type { HistoryEntryView } from '../../shared/history';

/** Fixed heights keep the layout arithmetic exact; the CSS uses the same values (Timeline.css). */
export const ENTRY_HEIGHT = 64;
export const DAY_HEIGHT = 36;

export type TimelineLine =
  | { kind: 'day'; key: string; label: string }
  | { kind: 'entry'; key: string; entry: HistoryEntryView; index: number };

export interface TimelineLayout {
  lines: TimelineLine[];
  /** Top of each line, and one more: the total height. */
  offsets: number[];
}

const DAY_FORMAT = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

function localDay(date: Date): string {
  return `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
}

/** "Today", "Yesterday", or the date: the timeline's day headers. */
export function dayLabel(timestampSeconds: number, now: Date): string {
  const date = new Date(timestampSeconds * 1000);
  if (localDay(date) === localDay(now)) return 'Today';
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (localDay(date) === localDay(yesterday)) return 'Yesterday';
  return DAY_FORMAT.format(date);
}

/** Entries newest first, with a header line before each new day, and where every line starts. */
export function layoutTimeline(entries: readonly HistoryEntryView[], now: Date): TimelineLayout {
  const lines: TimelineLine[] = [];
  const offsets: number[] = [];
  let top = 0;
  let day = '';
  entries.forEach((entry, index) => {
    const entryDay = localDay(new Date(entry.timestamp * 1000));
    if (entryDay !== day) {
      day = entryDay;
      lines.push({ kind: 'day', key: `day-${entryDay}`, label: dayLabel(entry.timestamp, now) });
      offsets.push(top);
      top += DAY_HEIGHT;
    }
    lines.push({ kind: 'entry', key: `entry-${entry.id}`, entry, index });
    offsets.push(top);
    top += ENTRY_HEIGHT;
  });
  offsets.push(top);
  return { lines, offsets };
}

/** The first line whose bottom is below `y`: a binary search, so scrolling costs the same at 100,000 lines. */
function lineAt(offsets: readonly number[], y: number): number {
  let low = 0;
  let high = offsets.length - 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid + 1] ?? 0) <= y) low = mid + 1;
    else high = mid;
  }
  return Math.max(0, low);
}

/** The day the line at the top of the viewport belongs to, for the header that stays in view while scrolling. */
export function dayAt(layout: TimelineLayout, scrollTop: number): string | null {
  for (let index = lineAt(layout.offsets, scrollTop); index >= 0; index--) {
    const line = layout.lines[index];
    if (line?.kind === 'day') return line.label;
  }
  return null;
}

/** Lines drawn above and below the visible ones, so a fast scroll does not show blank space first. */
const OVERSCAN = 8;

/** The slice of lines to render for a viewport: [start, end). */
export function visibleWindow(
  layout: TimelineLayout,
  scrollTop: number,
  viewportHeight: number,
): { start: number; end: number } {
  const count = layout.lines.length;
  if (count === 0) return { start: 0, end: 0 };
  const first = lineAt(layout.offsets, scrollTop);
  const last = lineAt(layout.offsets, scrollTop + viewportHeight);
  return { start: Math.max(0, first - OVERSCAN), end: Math.min(count, last + 1 + OVERSCAN) };
}
