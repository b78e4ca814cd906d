import { type AnsweredRequest, type PairedDesktop, type PhoneState, recordAnswer } from '../core/phoneState';

/** The unlocked phone state and a way to persist it: the companion's vault, or memory in tests. */
export interface PhoneStateStore {
  readonly state: PhoneState;
  save(state: PhoneState): Promise<void>;
  /** Calls `listener` when the store forgets its secrets (the vault locks); a store in memory never does. */
  onLock?(listener: () => void): () => void;
}

/**
 * Every write of the state, in order: each one starts from the state the previous one saved, so writes that
 * overlap, such as sync messages arriving while a request is answered, never undo one another.
 */
export class PhoneStateWriter {
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly store: PhoneStateStore) {}

  get state(): PhoneState {
    return this.store.state;
  }

  /** Resolves once every write queued so far has settled, whether it was saved or failed. */
  settled(): Promise<void> {
    return this.writes;
  }

  /** Saves a state computed from the one the previous write saved (null: nothing to save). */
  persist(update: (state: PhoneState) => PhoneState | null): Promise<void> {
    const run = this.writes.then(async () => {
      const next = update(this.state);
      if (next !== null) await this.store.save(next);
    });
    this.writes = run.catch(() => undefined);
    return run;
  }

  saveDesktop(desktop: PairedDesktop): Promise<void> {
    return this.persist((state) => withDesktop(state, desktop));
  }

  updateDesktop(desktopId: string, update: (desktop: PairedDesktop) => PairedDesktop): Promise<void> {
    return this.persist((state) => {
      const desktop = state.desktops.find((entry) => entry.id === desktopId);
      return desktop ? withDesktop(state, update(desktop)) : null;
    });
  }

  remember(answer: AnsweredRequest): Promise<void> {
    return this.persist((state) => recordAnswer(state, answer));
  }
}

export function withDesktop(state: PhoneState, desktop: PairedDesktop): PhoneState {
  return { ...state, desktops: [...state.desktops.filter((entry) => entry.id !== desktop.id), desktop] };
}

/** Revoked: the keys it would resume with and its sync replica (with the phone's sync keys) are wiped. */
export function revoked(desktop: PairedDesktop): PairedDesktop {
  const { sync: _wiped, ...rest } = desktop;
  return { ...rest, status: 'revoked', resumePsk: '', phoneStaticPrivate: '' };
}
