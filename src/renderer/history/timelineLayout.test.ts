import { describe, expect, it } from 'vitest';
import { longHistory } from '../../../test/renderer/historyFixture';
import { DAY_HEIGHT, dayAt, dayLabel, ENTRY_HEIGHT, layoutTimeline, visibleWindow } from './timelineLayout';

describe('layoutTimeline', () => {
  it('puts a day header before the first entry of each day', () => {
    const entries = longHistory(3).map((entry, i) => ({ ...entry, timestamp: 1_700_000_000 - i * 86_400 }));
    const { lines, offsets } = layoutTimeline(entries, new Date(1_800_000_000_000));
    expect(lines.map((line) => line.kind)).toEqual(['day', 'entry', 'day', 'entry', 'day', 'entry']);
    expect(offsets[offsets.length - 1]).toBe(3 * (DAY_HEIGHT + ENTRY_HEIGHT));
  });

  it('knows which day the top of the viewport is in', () => {
    const entries = longHistory(2).map((entry, i) => ({ ...entry, timestamp: 1_700_000_000 - i * 86_400 }));
    const now = new Date(1_800_000_000_000);
    const layout = layoutTimeline(entries, now);
    expect(dayAt(layout, 0)).toBe(dayLabel(entries[0]?.timestamp ?? 0, now));
    expect(dayAt(layout, DAY_HEIGHT + ENTRY_HEIGHT + 1)).toBe(dayLabel(entries[1]?.timestamp ?? 0, now));
  });

  it('says Today and Yesterday', () => {
    const now = new Date(2030, 0, 2, 12);
    expect(dayLabel(now.getTime() / 1000, now)).toBe('Today');
    expect(dayLabel(new Date(2030, 0, 1, 23).getTime() / 1000, now)).toBe('Yesterday');
  });
});

describe('visibleWindow', () => {
  it('covers the viewport plus a few lines either side, wherever it is scrolled', () => {
    const layout = layoutTimeline(longHistory(100_000), new Date());
    const top = visibleWindow(layout, 0, 640);
    expect(top.start).toBe(0);
    expect(top.end).toBeLessThan(30);
    const deep = visibleWindow(layout, 3_000_000, 640);
    expect(deep.end - deep.start).toBeLessThan(30);
    expect(layout.offsets[deep.start]).toBeLessThanOrEqual(3_000_000);
    expect(layout.offsets[deep.end]).toBeGreaterThanOrEqual(3_000_640);
  });
});
