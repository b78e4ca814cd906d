import { Component, type ReactNode } from 'react';
import { ScreenLoadError } from './lazyScreen';

/** Why a part of the app is not on view: its code did not arrive, or it ran and failed while rendering. */
export type Failure = 'load' | 'render';

interface FailureBoundaryProps {
  /** What the part is called, for the log: "History", "the signing sheet". */
  name: string;
  /** Fetches the part's code again after a failed load: its LazyScreen's `preload`. */
  retry(): Promise<unknown>;
  /** What shows in the part's place, with `reload` behind its Reload button. */
  fallback(failure: Failure, reload: () => void): ReactNode;
  children: ReactNode;
}

/**
 * Keeps a part that failed to load or to render from taking the whole app down with it: the part's place
 * shows `fallback` instead, the rest stays usable, and the error goes to the log, never to the user.
 * Re-mount it (a `key`) to clear it, e.g. when the user moves to another screen.
 */
export class FailureBoundary extends Component<FailureBoundaryProps, { failure: Failure | null }> {
  override state: { failure: Failure | null } = { failure: null };

  static getDerivedStateFromError(error: unknown): { failure: Failure } {
    return { failure: error instanceof ScreenLoadError ? 'load' : 'render' };
  }

  override componentDidCatch(error: unknown): void {
    const what = error instanceof ScreenLoadError ? 'could not load' : 'failed while rendering';
    console.error(`${this.props.name} ${what}:`, error);
  }

  private readonly reload = () => {
    // A fetch that fails again reaches the render that follows, which shows the fallback again.
    this.props.retry().catch(() => undefined);
    this.setState({ failure: null });
  };

  override render(): ReactNode {
    const { failure } = this.state;
    return failure ? this.props.fallback(failure, this.reload) : this.props.children;
  }
}
