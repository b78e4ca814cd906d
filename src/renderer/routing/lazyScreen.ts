import { createElement, lazy, type ComponentType, type LazyExoticComponent, type ReactElement } from 'react';

/** A component whose code arrives in its own chunk: rendered through Suspense, fetched early by `preload`. */
export interface LazyScreen<P extends object> {
  Screen: (props: P) => ReactElement;
  /**
   * Starts fetching the chunk, once; after a fetch that failed, again. Resolves when the component can render
   * without suspending. A render that met the failure goes on showing it until this is called.
   */
  preload(): Promise<unknown>;
}

/** The screen's code did not arrive (a chunk missing or unreadable): the screen itself never ran. */
export class ScreenLoadError extends Error {
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.name = 'ScreenLoadError';
  }
}

type Loaded<P> = { default: ComponentType<P> };

/**
 * A screen loaded on demand. `load` names the module by a literal `import()`, which is what tells the bundler
 * to split it off; its promise is shared by the preload and the first render, so the chunk is fetched once.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: Loaded<P> | undefined;
  let loading: Promise<Loaded<P>> | undefined;
  let fetchFailed = false;
  // React keeps a lazy component's rejection for good, so a retry needs a new one. It is replaced only by
  // `preload`, never by a render: a render that replaced it would fetch again at every retry React makes of
  // the failed render, for as long as the chunk stays missing.
  let renderFailed = false;

  const preload = () => {
    if (renderFailed) {
      renderFailed = false;
      current = fresh();
    }
    if (fetchFailed) {
      fetchFailed = false;
      loading = undefined;
    }
    return (loading ??= load().then(
      (component) => (loaded = { default: component }),
      (error: unknown) => {
        fetchFailed = true;
        throw new ScreenLoadError(error);
      },
    ));
  };
  // React calls this on the first render. A promise would make even a preloaded screen suspend, its fallback
  // painted for a frame; a thenable that answers at once lets React render the screen in the same commit.
  function firstRender() {
    const ready = loaded;
    if (ready) return { then: (resolve: (value: Loaded<P>) => void) => resolve(ready) } as unknown;
    return preload().catch((error: unknown) => {
      renderFailed = true;
      throw error;
    });
  }
  const fresh = () => lazy(firstRender as () => Promise<Loaded<P>>);
  let current: LazyExoticComponent<ComponentType<P>> = fresh();

  return { Screen: (props: P) => createElement(current, props), preload };
}
