// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureConsoleErrors } from '../../../test/renderer/consoleErrors';
import { FailureBoundary, type Failure } from './FailureBoundary';
import { lazyScreen } from './lazyScreen';

const logged = captureConsoleErrors();
afterEach(() => {
  cleanup();
});

function Greeting() {
  return <h1>Loaded</h1>;
}

function Failed({ failure, reload }: { failure: Failure; reload(): void }) {
  return (
    <p>
      Failed to {failure}
      <button type="button" onClick={reload}>
        Reload
      </button>
    </p>
  );
}

function Guarded({ screen: lazy }: { screen: ReturnType<typeof lazyScreen<object>> }) {
  return (
    <FailureBoundary
      name="Greeting"
      retry={lazy.preload}
      fallback={(failure, reload) => <Failed failure={failure} reload={reload} />}
    >
      <Suspense fallback={<p>Pending</p>}>
        <lazy.Screen />
      </Suspense>
    </FailureBoundary>
  );
}

/** A load that fails `failures` times, then brings Greeting. */
function flakyLoad(failures: number) {
  let left = failures;
  return vi.fn(() =>
    left-- > 0
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : Promise.resolve(Greeting),
  );
}

describe('FailureBoundary', () => {
  it('shows a chunk that did not load as a load failure, logs it, and loads it on Reload', async () => {
    const load = flakyLoad(1);
    render(<Guarded screen={lazyScreen(load)} />);
    await screen.findByText('Failed to load');
    expect(logged()).toHaveBeenCalledWith(
      'Greeting could not load:',
      expect.objectContaining({ message: 'Failed to fetch dynamically imported module' }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByRole('heading', { name: 'Loaded' });
    expect(screen.queryByText('Failed to load')).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shows the failure again when the chunk is still missing on Reload', async () => {
    const load = flakyLoad(2);
    render(<Guarded screen={lazyScreen(load)} />);
    await screen.findByText('Failed to load');
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await act(async () => {});
    await screen.findByText('Failed to load');
    expect(load).toHaveBeenCalledTimes(2);
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    await screen.findByRole('heading', { name: 'Loaded' });
  });

  it('shows a screen that threw while rendering as a render failure, and renders it again on Reload', async () => {
    let broken = true;
    function Fragile() {
      if (broken) throw new Error('undefined is not an object');
      return <h1>Mended</h1>;
    }
    render(
      <FailureBoundary
        name="Fragile"
        retry={() => Promise.resolve()}
        fallback={(failure, reload) => <Failed failure={failure} reload={reload} />}
      >
        <Fragile />
      </FailureBoundary>,
    );
    expect(screen.getByText('Failed to render')).toBeTruthy();
    expect(logged()).toHaveBeenCalledWith('Fragile failed while rendering:', expect.any(Error));
    broken = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByRole('heading', { name: 'Mended' })).toBeTruthy();
  });
});
