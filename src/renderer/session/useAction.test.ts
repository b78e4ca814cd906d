// @vitest-environment happy-dom
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { ApiCallError } from '../api/client';
import { claimFailure } from './failureFocus';
import { useAction } from './useAction';

/** A promise the test settles by hand, to finish runs in an order of its choosing. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('useAction', () => {
  it('goes from working to done with the result', async () => {
    const step = deferred<string>();
    const { result } = renderHook(() => useAction(() => step.promise));
    let succeeded: Promise<boolean> | undefined;
    act(() => void (succeeded = result.current.run()));
    expect(result.current.state).toEqual({ status: 'working' });
    await act(async () => step.resolve('saved'));
    expect(result.current.state).toEqual({ status: 'done', result: 'saved' });
    expect(await succeeded).toBe(true);
  });

  it("reports a failure with the error's message and resolves false", async () => {
    const { result } = renderHook(() => useAction(() => Promise.reject(new Error('Disk full.'))));
    let succeeded: boolean | undefined;
    await act(async () => void (succeeded = await result.current.run()));
    expect(result.current.state).toEqual({ status: 'failed', message: 'Disk full.' });
    expect(succeeded).toBe(false);
  });

  it('keeps main’s raw detail beside its sentence, for the Details disclosure', async () => {
    const failure = {
      code: 'conflict' as const,
      message: 'Raise the fee and try again.',
      detail: 'replacement transaction underpriced',
    };
    const { result } = renderHook(() =>
      useAction(() => Promise.reject(new ApiCallError('tx.send', failure))),
    );
    await act(async () => void (await result.current.run()));
    expect(result.current.state).toEqual({
      status: 'failed',
      message: failure.message,
      detail: failure.detail,
    });
  });

  it('lets only the latest run report, whatever order main answers in', async () => {
    const first = deferred<string>();
    const second = deferred<string>();
    const steps = [first, second];
    const { result } = renderHook(() => useAction(() => (steps.shift() ?? first).promise));
    act(() => void result.current.run());
    act(() => void result.current.run());
    await act(async () => second.resolve('second'));
    await act(async () => first.reject(new Error('first failed late')));
    expect(result.current.state).toEqual({ status: 'done', result: 'second' });
  });

  it('forgets a run still in flight once cleared', async () => {
    const step = deferred<string>();
    const { result } = renderHook(() => useAction(() => step.promise));
    act(() => void result.current.run());
    act(() => result.current.clear());
    await act(async () => step.resolve('late'));
    expect(result.current.state).toEqual({ status: 'idle' });
  });

  it('reports a failure for its error note to claim, in the render that shows it', async () => {
    const claims: boolean[] = [];
    const { result } = renderHook(() => {
      const action = useAction(() => Promise.reject(new Error('Disk full.')));
      // What an ErrorNote mounting in this render would find.
      if (action.state.status === 'failed') claims.push(claimFailure());
      return action;
    });
    await act(async () => void (await result.current.run()));
    expect(claims[0]).toBe(true);
  });

  it('withdraws an unclaimed report once its render is shown, so a later error cannot take it', async () => {
    const { result } = renderHook(() => useAction(() => Promise.reject(new Error('Disk full.'))));
    await act(async () => void (await result.current.run()));
    expect(result.current.state.status).toBe('failed');
    expect(claimFailure()).toBe(false);
  });

  it('reports nothing for a run that fails after its screen is gone', async () => {
    const step = deferred<string>();
    const { result, unmount } = renderHook(() => useAction(() => step.promise));
    act(() => void result.current.run());
    unmount();
    await act(async () => step.reject(new Error('too late')));
    expect(claimFailure()).toBe(false);
  });

  it('reports nothing when a run succeeds', async () => {
    const { result } = renderHook(() => useAction(() => Promise.resolve('saved')));
    await act(async () => void (await result.current.run()));
    expect(claimFailure()).toBe(false);
  });
});
