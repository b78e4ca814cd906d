/** What crossed the browser host's bridge in a window, by name: a poller shows as a count that grows with it. */
export interface BridgeCounts {
  /** The page's requests, by channel. */
  calls: Record<string, number>;
  /** What the host pushed, by event name; answers to requests are counted as `result`. */
  pushes: Record<string, number>;
}

const UNREADABLE = '(unreadable frame)';

/** Counts bridge frames as the page sent and received them (JSON text, see src/shared/api/bridge.ts). */
export class BridgeTally {
  private readonly calls = new Map<string, number>();
  private readonly pushes = new Map<string, number>();

  sent(frame: string | Buffer): void {
    const parsed = readFrame(frame);
    bump(this.calls, typeof parsed?.channel === 'string' ? parsed.channel : UNREADABLE);
  }

  received(frame: string | Buffer): void {
    const parsed = readFrame(frame);
    const name =
      parsed?.kind === 'result' ? 'result' : typeof parsed?.name === 'string' ? parsed.name : UNREADABLE;
    bump(this.pushes, name);
  }

  counts(): BridgeCounts {
    return { calls: sorted(this.calls), pushes: sorted(this.pushes) };
  }
}

function readFrame(frame: string | Buffer): Record<string, unknown> | null {
  try {
    const parsed: unknown = JSON.parse(frame.toString());
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Names are the page's or the host's; a long one is cut so a broken frame cannot bloat the report. */
function bump(counts: Map<string, number>, name: string): void {
  const key = name.slice(0, 100);
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function sorted(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => a.localeCompare(b)));
}
