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

/**
 * The timeline, virtualised: only the lines in view (and a few either side) are in the DOM, between two
 * spacers that stand in for the rest. The CSP forbids style attributes, so the spacers' heights are written
 * through the CSSOM (element.style), which `style-src 'self'` allows.
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
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  // The row the keyboard moved to, focused once it has been rendered.
  const focusRequest = useRef<number | null>(null);
  const viewportHeight = useViewportHeight(viewport);
  // The day headers are relative to today, which is read once per list rather than on every scroll.
  const layout = useMemo(() => layoutTimeline(entries, new Date()), [entries]);
  const { start, end } = visibleWindow(layout, scrollTop, viewportHeight);
  const total = layout.offsets[layout.offsets.length - 1] ?? 0;
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

  useLayoutEffect(() => {
    if (topSpacer.current) topSpacer.current.style.height = `${layout.offsets[start] ?? 0}px`;
    if (bottomSpacer.current)
      bottomSpacer.current.style.height = `${total - (layout.offsets[end] ?? total)}px`;
  }, [layout, start, end, total]);

  // A new list (the parent remounts it for new filters) starts at the top, where fresh entries show at once.
  useEffect(() => onAtTop(true), [onAtTop]);

  useEffect(() => {
    if (hasMore && !loadingMore && scrollTop + viewportHeight >= total - PREFETCH_DISTANCE) loadMore();
  }, [hasMore, loadingMore, loadMore, scrollTop, viewportHeight, total]);

  useLayoutEffect(() => {
    if (focusRequest.current === null) return;
    const row = viewport.current?.querySelector<HTMLElement>(`[data-entry-index="${focusRequest.current}"]`);
    if (!row) return;
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
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + ENTRY_HEIGHT > element.scrollTop + height) {
        element.scrollTop = top + ENTRY_HEIGHT - height;
      }
      setScrollTop(element.scrollTop);
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
        setScrollTop(top);
        onAtTop(top < 8);
      }}
    >
      {/* A copy of the current day's header pinned over the list; the list's own headers are what is read. */}
      <p className="timeline__pinned-day" aria-hidden="true">
        {dayAt(layout, scrollTop)}
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
