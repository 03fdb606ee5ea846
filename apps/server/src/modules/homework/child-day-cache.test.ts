import { describe, expect, it } from 'vitest';
import { ChildDayCache, childDayKey, classDayKey } from './child-day-cache';

const A = childDayKey('d', 'a', '2026-11-25');
const B = childDayKey('d', 'b', '2026-11-25');
const C1 = classDayKey('d', 'c1', '2026-11-25');
const C2 = classDayKey('d', 'c2', '2026-11-25');

function cache(ttl = 1000, max = 100) {
  let now = 0;
  const c = new ChildDayCache<string>(ttl, max, () => now);
  return { c, later: (ms: number) => (now += ms) };
}

describe('the kept children’s days', () => {
  it('answers what was kept until it expires', () => {
    const { c, later } = cache();
    c.keep(A, C1, 'a', c.ticket());
    expect(c.get(A)).toBe('a');
    later(999);
    expect(c.get(A)).toBe('a');
    later(1);
    expect(c.get(A)).toBeUndefined();
    expect(c.size).toBe(0);
  });

  it('drops one child’s day, a class’s day for every child, or everything', () => {
    const { c } = cache();
    c.keep(A, C1, 'a', c.ticket());
    c.keep(B, C2, 'b', c.ticket());
    c.drop(A);
    expect([c.get(A), c.get(B)]).toEqual([undefined, 'b']);
    c.keep(A, C1, 'a', c.ticket());
    c.drop(C2);
    expect([c.get(A), c.get(B)]).toEqual(['a', undefined]);
    c.drop(null);
    expect(c.size).toBe(0);
  });

  it('does not keep an answer read while a drop of its child, its class or everything came in', () => {
    const { c } = cache();
    for (const dropped of [A, C1, null]) {
      const ticket = c.ticket();
      c.drop(dropped);
      c.keep(A, C1, 'stale', ticket);
      expect(c.get(A)).toBeUndefined();
      // a read that starts after the drop keeps its answer
      c.keep(A, C1, 'fresh', c.ticket());
      expect(c.get(A)).toBe('fresh');
      c.drop(null);
    }
    // a drop of another child or class does not stop it
    const ticket = c.ticket();
    c.drop(B);
    c.drop(C2);
    c.keep(A, C1, 'a', ticket);
    expect(c.get(A)).toBe('a');
  });

  it('a child who moved class is dropped with the new class, not the old', () => {
    const { c } = cache();
    c.keep(A, C1, 'in c1', c.ticket());
    c.keep(A, C2, 'in c2', c.ticket());
    c.drop(C1);
    expect(c.get(A)).toBe('in c2');
    c.drop(C2);
    expect(c.get(A)).toBeUndefined();
  });

  it('holds at most its size, the oldest going first', () => {
    const { c } = cache(1000, 2);
    c.keep(A, C1, 'a', c.ticket());
    c.keep(B, C1, 'b', c.ticket());
    const third = childDayKey('d', 'c', '2026-11-25');
    c.keep(third, C1, 'c', c.ticket());
    expect([c.get(A), c.get(B), c.get(third)]).toEqual([undefined, 'b', 'c']);
    c.drop(C1);
    expect(c.size).toBe(0);
  });
});
