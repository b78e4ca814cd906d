// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FailureBoundary } from './FailureBoundary';
import { lazyScreen, ScreenLoadError } from './lazyScreen';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function Greeting() {
  return <h1>Loaded</h1>;
}

function Pending() {
  return <p>Pending</p>;
}

describe('lazyScreen', () => {
  it('fetches the chunk once, whether preloaded, rendered or both', async () => {
    const load = vi.fn(() => Promise.resolve(Greeting));
    const { Screen, preload } = lazyScreen(load);
    expect(load).not.toHaveBeenCalled();
    await Promise.all([preload(), preload()]);
    render(
      <Suspense fallback={<Pending />}>
        <Screen />
      </Suspense>,
    );
    await screen.findByRole('heading', { name: 'Loaded' });
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('renders a preloaded screen in the first commit, with no fallback in between', async () => {
    const { Screen, preload } = lazyScreen(() => Promise.resolve(Greeting));
    await preload();
    act(() => {
      render(
        <Suspense fallback={<Pending />}>
          <Screen />
        </Suspense>,
      );
    });
    expect(screen.getByRole('heading', { name: 'Loaded' })).toBeTruthy();
    expect(screen.queryByText('Pending')).toBeNull();
  });

  it('shows the fallback while the chunk is on its way, then the screen', async () => {
    let arrive: (component: typeof Greeting) => void = () => undefined;
    const { Screen } = lazyScreen(() => new Promise<typeof Greeting>((resolve) => (arrive = resolve)));
    act(() => {
      render(
        <Suspense fallback={<Pending />}>
          <Screen />
        </Suspense>,
      );
    });
    expect(screen.getByText('Pending')).toBeTruthy();
    await act(async () => arrive(Greeting));
    expect(screen.getByRole('heading', { name: 'Loaded' })).toBeTruthy();
    expect(screen.queryByText('Pending')).toBeNull();
  });

  it('hands a failed fetch to the preload’s caller', async () => {
    const { preload } = lazyScreen(() => Promise.reject(new Error('chunk missing')));
    await expect(preload()).rejects.toThrow('chunk missing');
  });

  it('fetches again after a failed fetch, rather than keeping the failure', async () => {
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValue(Greeting);
    const { Screen, preload } = lazyScreen(load);
    await expect(preload()).rejects.toBeInstanceOf(ScreenLoadError);
    render(
      <Suspense fallback={<Pending />}>
        <Screen />
      </Suspense>,
    );
    await screen.findByRole('heading', { name: 'Loaded' });
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps a render’s failure, fetching nothing more, until preloaded again', async () => {
    // The boundary logs the failure; this test is about the fetches.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const load = vi
      .fn<() => Promise<typeof Greeting>>()
      .mockRejectedValueOnce(new Error('chunk missing'))
      .mockResolvedValue(Greeting);
    const { Screen, preload } = lazyScreen(load);
    const fallback = () => <p>Failed</p>;
    const tree = () => (
      <FailureBoundary name="Greeting" retry={preload} fallback={fallback}>
        <Suspense fallback={<Pending />}>
          <Screen />
        </Suspense>
      </FailureBoundary>
    );
    const { unmount } = render(tree());
    await screen.findByText('Failed');
    unmount();
    // A new render of the same screen meets the same failure: React keeps a lazy component's rejection.
    render(tree());
    expect(await screen.findByText('Failed')).toBeTruthy();
    expect(load).toHaveBeenCalledTimes(1);
    cleanup();
    await preload();
    render(tree());
    await screen.findByRole('heading', { name: 'Loaded' });
    expect(load).toHaveBeenCalledTimes(2);
  });
});
