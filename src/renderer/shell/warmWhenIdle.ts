/** Work that may wait: each task is a fetch that a later click would otherwise wait for. */
export type WarmTask = () => Promise<unknown>;

/**
 * How long after the first screen has painted warming may start. The first screen's own data usually lands
 * in this time, and its largest paint with it: chunks parsed earlier would compete with that for the CPU.
 */
export const WARM_DELAY_MS = 1_500;

function whenIdle(run: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(run);
    return () => cancelIdleCallback(id);
  }
  const id = setTimeout(run, 0);
  return () => clearTimeout(id);
}

/**
 * Runs `tasks` one after another, each in an idle period, starting `WARM_DELAY_MS` after the next frame has
 * painted, so warming never competes with the screen the user is looking at. Returns a cancel for the rest.
 */
export function warmWhenIdle(tasks: readonly WarmTask[]): () => void {
  let cancelPending = (): void => undefined;
  let cancelled = false;
  const next = (index: number) => {
    const task = tasks[index];
    if (cancelled || !task) return;
    cancelPending = whenIdle(() => {
      // One failed fetch does not stop the rest; the screen it belongs to reports it if it is ever opened.
      void task().then(
        () => next(index + 1),
        () => next(index + 1),
      );
    });
  };
  // An animation frame's callback runs just before that frame paints, so the delay counts from the paint.
  const frame = requestAnimationFrame(() => {
    const timer = setTimeout(() => next(0), WARM_DELAY_MS);
    cancelPending = () => clearTimeout(timer);
  });
  return () => {
    cancelled = true;
    cancelAnimationFrame(frame);
    cancelPending();
  };
}
