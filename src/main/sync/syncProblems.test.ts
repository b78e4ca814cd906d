import { describe, expect, it, vi } from 'vitest';
import { useTempDatabase } from '../../../test/store/tempDatabase';
import { SyncProblems } from './syncProblems';
import { SyncStateRepository } from './syncStateRepository';

const temp = useTempDatabase('sync-problems-');

function problems(now = () => 1000) {
  const log = { info: vi.fn(), warn: vi.fn(), error: vi.fn() };
  return { problems: new SyncProblems(new SyncStateRepository(temp.db), log, now), log };
}

describe('SyncProblems', () => {
  it('keeps the 20 most recent refusals, newest first, across a restart', () => {
    let at = 0;
    const { problems: list } = problems(() => (at += 1));
    expect(list.list()).toEqual([]);
    for (let i = 1; i <= 25; i += 1) list.report(i % 2 ? 'folder' : 'relay', `refusal ${i}`);
    const kept = new SyncProblems(new SyncStateRepository(temp.reopen()), problems().log, () => 0).list();
    expect(kept).toHaveLength(20);
    expect(kept[0]).toEqual({ at: 25, source: 'folder', message: 'refusal 25' });
    expect(kept.at(-1)).toEqual({ at: 6, source: 'relay', message: 'refusal 6' });
  });

  it('logs where a refusal came from, and not its sentence', () => {
    const { problems: list, log } = problems();
    list.report('relay', 'A change from Phone was ignored');
    expect(log.warn).toHaveBeenCalledWith('sync refused a blob', { source: 'relay' });
  });

  it('lists a refusal the folder repeats at every sync once, where it was first seen', () => {
    let at = 0;
    const { problems: list } = problems(() => (at += 1));
    list.report('folder', 'A key from a removed device was refused');
    list.report('folder', 'Something else');
    list.report('folder', 'A key from a removed device was refused');
    list.report('relay', 'A key from a removed device was refused');
    expect(list.list()).toEqual([
      { at: 3, source: 'relay', message: 'A key from a removed device was refused' },
      { at: 2, source: 'folder', message: 'Something else' },
      { at: 1, source: 'folder', message: 'A key from a removed device was refused' },
    ]);
  });
});
