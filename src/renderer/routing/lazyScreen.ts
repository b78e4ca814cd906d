import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

/** A component whose code arrives in its own chunk: rendered through Suspense, fetched early by `preload`. */
export interface LazyScreen<P extends object> {
  Screen: LazyExoticComponent<ComponentType<P>>;
  /** Starts fetching the chunk, once; resolves when the component can render without suspending. */
  preload(): Promise<unknown>;
}

type Loaded<P> = { default: ComponentType<P> };

/**
 * A screen loaded on demand. `load` names the module by a literal `import()`, which is what tells the bundler
 * to split it off; its promise is shared by the preload and the first render, so the chunk is fetched once.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: Loaded<P> | undefined;
  let loading: Promise<Loaded<P>> | undefined;
  const preload = () => (loading ??= load().then((component) => (loaded = { default: component })));
  // React calls this on the first render. A promise would make even a preloaded screen suspend, its fallback
  // painted for a frame; a thenable that answers at once lets React render the screen in the same commit.
  const firstRender = () => {
    const ready = loaded;
    return ready ? ({ then: (resolve: (value: Loaded<P>) => void) => resolve(ready) } as unknown) : preload();
  };
  return { Screen: lazy(firstRender as () => Promise<Loaded<P>>), preload };
}
