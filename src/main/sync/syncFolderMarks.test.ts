import { describe, expect, it } from 'vitest';
import { judgeMark } from './syncFolderMarks';

const A = '00000000000000aa';
const blob = (counter: number) => ({ origin: A, counter, name: `${counter}`.padStart(32, '0') });
const mark = (counter: number) => ({ counter, name: blob(counter).name });

describe('judgeMark', () => {
  it('moves the mark to the newest blob listed past it, or sets the first one', () => {
    expect(judgeMark(undefined, new Set(), [blob(2), blob(5), blob(3)])).toEqual({
      kind: 'ahead',
      mark: mark(5),
    });
    expect(judgeMark(mark(4), new Set(), [blob(5)])).toEqual({ kind: 'ahead', mark: mark(5) });
  });

  it('holds while the marked blob is listed and nothing newer is', () => {
    expect(judgeMark(mark(4), new Set([mark(4).name]), [blob(4)])).toEqual({ kind: 'held' });
    expect(judgeMark(mark(4), new Set([mark(4).name]), [])).toEqual({ kind: 'held' });
  });

  it('finds a rollback when the marked blob is gone and nothing newer is listed', () => {
    expect(judgeMark(mark(4), new Set([mark(3).name]), [blob(3)])).toEqual({ kind: 'rolled_back' });
    expect(judgeMark(mark(4), new Set(), [])).toEqual({ kind: 'rolled_back' });
  });

  it('has nothing to say of an origin never seen in the folder', () => {
    expect(judgeMark(undefined, new Set(['x']), [])).toEqual({ kind: 'none' });
  });
});
