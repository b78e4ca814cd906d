import {
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type RefObject,
} from 'react';
import type { HistoryEntryView } from '../../shared/history';
import { describeEntry } from './describeEntry';
import { scrollScale, type ScrollScale } from './scrollScale';
import { dayAt, ENTRY_HEIGHT, layoutTimeline, visibleWindow } from './timelineLayout';
import { TimelineRow } from './TimelineRow';
import type { ChainDirectory } from './useChainNames';
import './Timeline.css';

/** Used until the viewport has been measured (and in tests, where nothing is laid out). */
const FALLBACK_VIEWPORT = 640;
/** How close to the end, in pixels, the next page is asked for: a couple of screens ahead of the reader. */
const PREFETCH_DISTANCE = 1600;

interface TimelineProps {
  entries: readonly HistoryEntryView[];
  chains: ChainDirectory;
  accountName(address: string): string;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore(): void;
  onOpen(entry: HistoryEntryView): void;
  onAtTop(atTop: boolean): void;
}

function useViewportHeight(viewport: RefObject<HTMLDivElement | null>): number {
  const [height, setHeight] = useState(FALLBACK_VIEWPORT);
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element) return;
    const measure = () => setHeight(element.clientHeight || FALLBACK_VIEWPORT);
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [viewport]);
  return height;
}

/** Where the viewport is scrolled, and where that is in the list: the two differ above the height cap. */
interface ScrollPosition {
  top: number;
  offset: number;
}

/** A spacer's size; a negative one (possible only above the height cap) pulls the lines up instead. */
function sizeSpacer(spacer: HTMLLIElement | null, size: number) {
  if (!spacer) return;
  spacer.style.height = `${Math.max(0, size)}px`;
  spacer.style.marginBottom = `${Math.min(0, size)}px`;
}

/** Scrolls the viewport to a list offset; where the browser stops it short (the list shrank), reads back where. */
function scrollViewport(element: HTMLElement, scale: ScrollScale, offset: number): ScrollPosition {
  // Whole pixels: a fraction is rounded by the browser, and may come back in a second scroll event.
  const top = Math.round(scale.toScrollTop(offset));
  element.scrollTop = top;
  const landed = element.scrollTop;
  return { top: landed, offset: Math.abs(landed - top) < 1 ? offset : scale.toOffset(landed) };
}

/**
 * The timeline, virtualised: only the lines in view (and a few either side) are in the DOM, between two
 * spacers that stand in for the rest. The CSP forbids style attributes, so the spacers' heights are written
 * through the CSSOM (element.style), which `style-src 'self'` allows. A list taller than browsers can draw
 * is scrolled through a scaled scroll space (scrollScale.ts), so even its last entry can be reached.
 */
export function Timeline({
  entries,
  chains,
  accountName,
  hasMore,
  loadingMore,
  loadMore,
  onOpen,
  onAtTop,
}: TimelineProps) {
  const viewport = useRef<HTMLDivElement>(null);
  const topSpacer = useRef<HTMLLIElement>(null);
  const bottomSpacer = useRef<HTMLLIElement>(null);
  const [scroll, setScroll] = useState<ScrollPosition>({ top: 0, offset: 0 });
  // The last position we scrolled to, kept exact (the browser rounds scrollTop) until the user scrolls away.
  const written = useRef<ScrollPosition | null>(null);
  const [active, setActive] = useState(0);
  // The row the keyboard moved to, focused once it has been rendered.
  const focusRequest = useRef<number | null>(null);
  const viewportHeight = useViewportHeight(viewport);
  // The day headers are relative to today, which is read once per list rather than on every scroll.
  const layout = useMemo(() => layoutTimeline(entries, new Date()), [entries]);
  const total = layout.offsets[layout.offsets.length - 1] ?? 0;
  const scale = useMemo(() => scrollScale(total, viewportHeight), [total, viewportHeight]);
  const { start, end } = visibleWindow(layout, scroll.offset, viewportHeight);
  const shown = layout.lines.slice(start, end);
  const shownEntries = shown.flatMap((line) => (line.kind === 'entry' ? [line.index] : []));
  // A row scrolled out of the DOM cannot hold the tab stop; the first one in view takes it meanwhile.
  const tabStop = shownEntries.includes(active) ? active : shownEntries[0];
  const lineOfEntry = useMemo(() => {
    const lines: number[] = [];
    layout.lines.forEach((line, lineIndex) => {
      if (line.kind === 'entry') lines[line.index] = lineIndex;
    });
    return lines;
  }, [layout]);

  // The drawn lines sit where the viewport shows them: their list offset moved to the physical scroll position.
  const above = (layout.offsets[start] ?? 0) - scroll.offset + scroll.top;
  const drawn = (layout.offsets[end] ?? total) - (layout.offsets[start] ?? 0);
  useLayoutEffect(() => {
    sizeSpacer(topSpacer.current, above);
    sizeSpacer(bottomSpacer.current, scale.height - above - drawn);
  }, [above, drawn, scale.height]);

  // A new page of entries (or a resize) rescales a list above the cap: the viewport keeps showing what it did.
  useLayoutEffect(() => {
    const element = viewport.current;
    if (!element || Math.abs(scale.toScrollTop(scroll.offset) - element.scrollTop) < 1) return;
    written.current = scrollViewport(element, scale, scroll.offset);
    setScroll(written.current);
  }, [scale, scroll.offset]);

  // A new list (the parent remounts it for new filters) starts at the top, where fresh entries show at once.
  useEffect(() => onAtTop(true), [onAtTop]);

  useEffect(() => {
    if (hasMore && !loadingMore && scroll.offset + viewportHeight >= total - PREFETCH_DISTANCE) loadMore();
  }, [hasMore, loadingMore, loadMore, scroll.offset, viewportHeight, total]);

  useLayoutEffect(() => {
    if (focusRequest.current === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-entry-index="${focusRequest.current}"]`);
    if (!row) return;
    // moveTo has shown it whole in the list, so this scrolls only the page around the list, if need be.
    row.focus();
    focusRequest.current = null;
  });

  function moveTo(index: number) {
    const target = Math.max(0, Math.min(entries.length - 1, index));
    const element = viewport.current;
    const top = layout.offsets[lineOfEntry[target] ?? 0] ?? 0;
    if (element) {
      const height = element.clientHeight || viewportHeight;
      // Scrolled just enough to show the row whole, as native lists do.
      let offset = scroll.offset;
      if (top < offset) offset = top;
      else if (top + ENTRY_HEIGHT > offset + height) offset = top + ENTRY_HEIGHT - height;
      written.current = scrollViewport(element, scale, offset);
      setScroll(written.current);
    }
    focusRequest.current = target;
    setActive(target);
  }

  function onRowKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const page = Math.max(1, Math.floor(viewportHeight / ENTRY_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: entries.length - 1,
    };
    const target = moves[event.key];
    if (target === undefined) return;
    event.preventDefault();
    moveTo(target);
  }

  return (
    <div
      ref={viewport}
      className="timeline"
      onScroll={(event) => {
        const top = event.currentTarget.scrollTop;
        // The echo of our own write keeps its exact offset; a scroll of the user's own is mapped afresh.
        if (!written.current || Math.abs(written.current.top - top) >= 1) {
          written.current = null;
          setScroll({ top, offset: scale.toOffset(top) });
        }
        onAtTop(top < 8);
      }}
    >
      {/* A copy of the current day's header pinned over the list; the list's own headers are what is read. */}
      <p className="timeline__pinned-day" aria-hidden="true">
        {dayAt(layout, scroll.offset)}
      </p>
      <ul className="timeline__list" aria-label="Timeline" aria-busy={loadingMore}>
        <li ref={topSpacer} className="timeline__spacer" aria-hidden="true" />
        {shown.map((line) =>
          line.kind === 'day' ? (
            <li key={line.key} className="timeline__day">
              <h3 className="timeline__day-label">{line.label}</h3>
            </li>
          ) : (
            <li key={line.key} className="timeline__entry">
              <TimelineRow
                entry={line.entry}
                index={line.index}
                sentence={describeEntry(line.entry, chains)}
                chainName={chains.name(line.entry.chainId)}
                accountName={accountName(line.entry.account)}
                active={line.index === tabStop}
                onOpen={onOpen}
                onKeyDown={onRowKeyDown}
                onFocus={setActive}
              />
            </li>
          ),
        )}
        <li ref={bottomSpacer} className="timeline__spacer" aria-hidden="true" />
      </ul>
      {(hasMore || loadingMore) && (
        <p className="timeline__more" role="status">
          {loadingMore ? 'Loading older entries…' : 'Scroll for older entries'}
        </p>
      )}
    </div>
  );
}
