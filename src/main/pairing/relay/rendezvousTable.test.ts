import { describe, expect, it } from 'vitest';
import { RendezvousTable } from './rendezvousTable';

function table() {
  const removed: string[] = [];
  return { removed, table: new RendezvousTable<string>((id, owner) => removed.push(`${id}:${owner}`)) };
}

describe('RendezvousTable', () => {
  it('hands a rendezvous to its first knock only', () => {
    const { table: rendezvous, removed } = table();
    expect(rendezvous.open('x', 'desk', 100, 0)).toBe(true);
    expect(rendezvous.take('x', 50)).toBe('desk');
    expect(rendezvous.take('x', 50)).toBeUndefined();
    expect(removed).toEqual(['x:desk']);
  });

  it('refuses an id that is open already, but not one that expired', () => {
    const { table: rendezvous, removed } = table();
    rendezvous.open('x', 'a', 100, 0);
    expect(rendezvous.open('x', 'b', 200, 99)).toBe(false);
    expect(rendezvous.open('x', 'a', 200, 99)).toBe(false);
    expect(rendezvous.open('x', 'b', 200, 100)).toBe(true);
    expect(removed).toEqual(['x:a']);
    expect(rendezvous.take('x', 150)).toBe('b');
  });

  it('treats an expired rendezvous as unknown', () => {
    const { table: rendezvous } = table();
    rendezvous.open('x', 'a', 100, 0);
    expect(rendezvous.take('x', 100)).toBeUndefined();
    expect(rendezvous.size).toBe(0);
  });

  it('lets only the owner withdraw', () => {
    const { table: rendezvous } = table();
    rendezvous.open('x', 'a', 100, 0);
    rendezvous.close('x', 'b');
    expect(rendezvous.size).toBe(1);
    rendezvous.close('x', 'a');
    expect(rendezvous.size).toBe(0);
  });

  it('sweeps expired entries through onRemove', () => {
    const { table: rendezvous, removed } = table();
    rendezvous.open('x', 'a', 100, 0);
    rendezvous.open('y', 'a', 300, 0);
    rendezvous.sweep(200);
    expect(removed).toEqual(['x:a']);
    expect(rendezvous.size).toBe(1);
  });
});
