import { type AgeUnit, ageTextSince } from '../format/age';

/**
 * Wall-clock readings shared by every "… ago" label on the page. One timer per interval, firing on whole
 * multiples of it, so labels on the same interval change together and a 1 s and a 10 s label change in the
 * same frame: one layout and paint a second at most, not one per label and timer. Labels that date a read
 * wake on whole seconds too, but only when their step ends (`subscribeAgeSteps`), not every second.
 */
interface Clock {
  intervalMs: number;
  /** The reading every label shows until the next tick; see `readClock`. */
  nowMs: number;
  listeners: Set<() => void>;
  timer: ReturnType<typeof setTimeout> | undefined;
}

const SECOND_MS = 1000;
const clocks = new Map<number, Clock>();

function clockFor(intervalMs: number): Clock {
  let clock = clocks.get(intervalMs);
  if (!clock) {
    clock = { intervalMs, nowMs: Date.now(), listeners: new Set(), timer: undefined };
    clocks.set(intervalMs, clock);
  }
  return clock;
}

function tick(clock: Clock): void {
  const { intervalMs } = clock;
  clock.timer = setTimeout(
    () => {
      tick(clock);
      for (const listener of [...clock.listeners]) listener();
    },
    intervalMs - (Date.now() % intervalMs),
  );
}

/**
 * The reading for this interval: the same value from one tick to the next, so every render in between (and
 * React's repeated snapshot reads) agrees. It moves on at the first read after a whole multiple of the
 * interval, whether or not a timer woke anyone; a timer that fires a little early just reads the old value.
 */
export function readClock(intervalMs: number): number {
  const clock = clockFor(intervalMs);
  const nowMs = Date.now();
  if (Math.floor(nowMs / intervalMs) !== Math.floor(clock.nowMs / intervalMs)) clock.nowMs = nowMs;
  return clock.nowMs;
}

/** Calls `listener` on each tick of the interval's clock until the returned function is called. */
export function subscribeClock(intervalMs: number, listener: () => void): () => void {
  const clock = clockFor(intervalMs);
  clock.listeners.add(listener);
  if (clock.timer === undefined) {
    // The first label to show: its reading is exact, not up to an interval old from the clock's last use.
    clock.nowMs = Date.now();
    tick(clock);
  }
  return () => {
    clock.listeners.delete(listener);
    if (clock.listeners.size > 0) return;
    clearTimeout(clock.timer);
    clock.timer = undefined;
  };
}

const MINUTE_MS = 60_000;
/** How far a label in seconds may lag in its first minute: "5 s ago" until it is 10 s old. */
const SECONDS_STEP_MS = 5_000;
/** How far a label in minutes may lag: "5 min ago" for at most 10 s into the sixth minute. */
const MINUTES_STEP_MS = 10_000;

/**
 * The reading for labels that date things, the youngest at `newestMs`: in steps counted from it, of 5 s in its
 * first minute ("just now", "5 s ago", "10 s ago") and of 10 s after. Each label is exact when drawn and says
 * no more than it knows, like "1 min ago" for 1 min 30 s; a label counting every second would redraw the page
 * each second, though the balances under it change only with a poll.
 */
export function ageReading(nowMs: number, newestMs: number): number {
  const age = nowMs - newestMs;
  if (age < 0) return nowMs;
  return nowMs - (age % ageStep(age));
}

function ageStep(age: number): number {
  return age < MINUTE_MS ? SECONDS_STEP_MS : MINUTES_STEP_MS;
}

/**
 * When `ageReading` on the 1 s clock next moves on: the first whole second at or after the end of the current
 * step. Infinity with nothing dated (`newestMs` 0), whose labels never change.
 */
export function nextAgeStep(nowMs: number, newestMs: number): number {
  if (newestMs <= 0) return Infinity;
  const age = nowMs - newestMs;
  // A stamp ahead of the clock: the reading is the clock itself, which moves every second.
  if (age < 0) return (Math.floor(nowMs / SECOND_MS) + 1) * SECOND_MS;
  return Math.ceil((nowMs - (age % ageStep(age)) + ageStep(age)) / SECOND_MS) * SECOND_MS;
}

interface StepWatch {
  newestMs: number;
  listener: () => void;
  /** The whole second at which its reading moves on next. */
  dueMs: number;
}

const stepWatches = new Set<StepWatch>();
let stepTimer: ReturnType<typeof setTimeout> | undefined;
let stepTimerDueMs = Infinity;

/** One timer for every watch, at the earliest step: labels whose steps end in the same second change together. */
function scheduleSteps(): void {
  const dueMs = Math.min(...[...stepWatches].map((watch) => watch.dueMs));
  if (dueMs === stepTimerDueMs) return;
  clearTimeout(stepTimer);
  stepTimerDueMs = dueMs;
  stepTimer = dueMs === Infinity ? undefined : setTimeout(fireSteps, dueMs - Date.now());
}

function fireSteps(): void {
  stepTimerDueMs = Infinity;
  const nowMs = Date.now();
  // A timer that fires a little early finds nothing due and waits out the rest.
  const due = [...stepWatches].filter((watch) => watch.dueMs <= nowMs);
  for (const watch of due) watch.dueMs = nextAgeStep(nowMs, watch.newestMs);
  scheduleSteps();
  for (const watch of due) watch.listener();
}

/**
 * Calls `listener` each time `ageReading(…, newestMs)` moves on, until the returned function is called: a
 * label that changes every 5 or 10 s wakes the page then, not every second in between. Every label whose step
 * ends in the same whole second is called in the same task, so they change in one frame.
 */
export function subscribeAgeSteps(newestMs: number, listener: () => void): () => void {
  const watch = { newestMs, listener, dueMs: nextAgeStep(Date.now(), newestMs) };
  stepWatches.add(watch);
  scheduleSteps();
  return () => {
    stepWatches.delete(watch);
    scheduleSteps();
  };
}

/**
 * The reading for a set of "… ago" labels dating `datesMs` in units no finer than `finest`, on a clock read at
 * `nowMs`: the latest instant at which one of them changed its text. Every label says the same at it as at
 * `nowMs`, and it stays put until one of them would say something new, so a label in minutes re-renders once
 * a minute, not at every tick. 0 while none has changed since its date ("under 1 min ago", "just now").
 */
export function datedReading(nowMs: number, datesMs: readonly number[], finest: AgeUnit): number {
  return Math.max(0, ...datesMs.map((dateMs) => ageTextSince(dateMs, nowMs, finest)));
}
