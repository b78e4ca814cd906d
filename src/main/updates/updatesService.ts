import type { Settings } from '../../shared/settings';
import { ReleaseVersion, type UpdateStatus, type UpdatesView } from '../../shared/updates';
import { ApiError } from '../../shared/api/envelope';
import type { EventHub } from '../api/events';
import { type Logger, logFailure } from '../log';
import type { UpdateEngine } from './updateEngine';
import { UpdateRefusal } from './updateRefusal';

export interface UpdatesServiceDeps {
  settings: { get(): Pick<Settings, 'updateFeedUrl' | 'automaticUpdates'> };
  /** null: this build cannot update itself (browser host, development). */
  engine: UpdateEngine | null;
  installedVersion: string;
  releaseKeyFingerprint: string;
  events: Pick<EventHub, 'emit'>;
  log: Logger;
  /** Milliseconds. */
  now?: () => number;
  /** The first automatic check, after start-up has settled (10 s by default). */
  firstCheckMs?: number;
  /** Then every 12 h by default. */
  checkEveryMs?: number;
}

export const NO_SELF_UPDATE =
  'This build does not update itself: it runs from the source tree (browser host or development). The ' +
  'installed app checks for signed releases.';

const MAX_MESSAGE = 500;

/**
 * The app's own updates: asks the feed (by itself on start and twice a day when the user lets it, or when
 * asked), downloads a release only once the engine verified it signed and newer, and installs it only when
 * the user restarts. Every refusal and failure leaves the installed version running, and says why.
 */
export class UpdatesService {
  private status: UpdateStatus;
  private running: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly now: () => number;

  constructor(private readonly deps: UpdatesServiceDeps) {
    this.now = deps.now ?? Date.now;
    this.status = deps.engine ? { state: 'idle' } : { state: 'unavailable', reason: NO_SELF_UPDATE };
  }

  view(): UpdatesView {
    const { updateFeedUrl, automaticUpdates } = this.deps.settings.get();
    const { installedVersion, releaseKeyFingerprint } = this.deps;
    return {
      installedVersion,
      feedUrl: updateFeedUrl,
      automatic: automaticUpdates,
      releaseKeyFingerprint,
      status: this.status,
    };
  }

  /** Starts a check and answers at once; the outcome arrives as `updates.changed`. One check at a time. */
  check(): UpdatesView {
    const { engine } = this.deps;
    const busy = ['checking', 'downloading'].includes(this.status.state);
    if (engine && !busy) this.running = this.run(engine).finally(() => (this.running = null));
    return this.view();
  }

  /** Resolves once the check in progress, if any, has finished: for whoever must wait for its outcome (tests). */
  async settled(): Promise<UpdatesView> {
    await this.running;
    return this.view();
  }

  /** Quits and installs the downloaded release: the user's choice, and only once one is ready. */
  restart(): void {
    const { engine } = this.deps;
    if (!engine || this.status.state !== 'ready') {
      throw new ApiError(
        'invalid_state',
        'No update is ready to install. Check for updates first; the app restarts only into a release it downloaded and verified.',
      );
    }
    engine.install();
  }

  start(): void {
    if (!this.deps.engine) return;
    // A release already downloaded and verified waits for the user's restart; asking again would only fetch it
    // again, and could replace what the user was told is ready.
    const automatically = () => {
      if (this.deps.settings.get().automaticUpdates && this.status.state !== 'ready') this.check();
    };
    const first = setTimeout(automatically, this.deps.firstCheckMs ?? 10_000);
    const every = setInterval(automatically, this.deps.checkEveryMs ?? 12 * 60 * 60 * 1000);
    first.unref();
    every.unref();
    this.timers = [first, every];
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  private async run(engine: UpdateEngine): Promise<void> {
    this.set({ state: 'checking' });
    let offered: string | null = null;
    try {
      const release = await engine.check(this.deps.settings.get().updateFeedUrl);
      if (!release) {
        this.set({ state: 'up-to-date', checkedAt: this.now() });
        return;
      }
      const { version, releaseDate } = release;
      offered = version;
      let shown = 0;
      this.set({ state: 'downloading', version, percent: 0 });
      await engine.download((percent) => {
        const whole = Math.min(100, Math.max(0, Math.floor(percent)));
        if (whole === shown) return;
        shown = whole;
        this.set({ state: 'downloading', version, percent: whole });
      });
      this.set({ state: 'ready', version, releaseDate });
    } catch (error) {
      if (error instanceof UpdateRefusal) {
        this.deps.log.warn('update refused', { code: error.code, version: error.version ?? offered });
        const version = asVersion(error.version ?? offered);
        this.set({
          state: 'refused',
          code: error.code,
          version,
          message: bounded(error.message),
          at: this.now(),
        });
        return;
      }
      logFailure(this.deps.log, 'the update check did not finish', error);
      this.set({ state: 'failed', message: this.failure(error), at: this.now() });
    }
  }

  /** In words, one line, no stack: what went wrong and that nothing changed. */
  private failure(error: unknown): string {
    const raw = error instanceof Error ? error.message : String(error);
    const reason = (raw.split('\n')[0] ?? '').trim().slice(0, 200) || 'no reason was given';
    return bounded(
      `The update check did not finish (${reason}). Nothing was installed; version ${this.deps.installedVersion} ` +
        'keeps running. Check the feed address in Settings, or try again later.',
    );
  }

  private set(status: UpdateStatus): void {
    this.status = status;
    this.deps.events.emit('updates.changed', this.view());
  }
}

function asVersion(version: string | null): string | null {
  const parsed = ReleaseVersion.safeParse(version);
  return parsed.success ? parsed.data : null;
}

const bounded = (message: string) =>
  message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE - 1)}…` : message;
