import { describe, expect, it } from 'vitest';
import { RouteTable } from './routeTable';

describe('RouteTable', () => {
  it('lists the other listeners of a route', () => {
    const table = new RouteTable<string>();
    table.add('r', 'a');
    table.add('r', 'b');
    table.add('r', 'b');
    table.add('s', 'a');
    expect(table.others('r', 'a')).toEqual(['b']);
    expect(table.others('r', 'c')).toEqual(['a', 'b']);
    expect(table.others('t', 'a')).toEqual([]);
    expect(table.size).toBe(2);
  });

  it('forgets a route when its last listener leaves', () => {
    const table = new RouteTable<string>();
    table.add('r', 'a');
    table.add('r', 'b');
    expect(table.remove('r', 'a')).toBe(false);
    expect(table.has('r')).toBe(true);
    expect(table.remove('r', 'b')).toBe(true);
    expect(table.has('r')).toBe(false);
    expect(table.remove('r', 'b')).toBe(true);
    expect(table.size).toBe(0);
  });
});
