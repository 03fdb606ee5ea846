/**
 * A child's day as the parent's list reads it (the child's class keys, the class's latest published list, the family's
 * report), kept in memory per child and day. The parent's phone page is the busiest read of the platform and parents
 * come back to it (the page opened again from the tab bar, a child switched back to, the evening reminder): the second read
 * needs no database round trip. Access is still checked on every read, against the reader's own grants.
 *
 * Every change that alters a kept day drops it (platform/invalidation.ts: at once here, in other servers on commit):
 * a family's report drops that child's day, a publication or correction drops the class's day for every child, and a
 * change of pupils, classes, schools or zones drops everything. A read in flight when a drop happens does not keep its
 * answer (it may have read the row as it was before). Entries live a minute at most and the cache holds 50,000.
 */
import { onInvalidate } from '../../platform/invalidation';

const TTL_MS = 60_000;
const MAX_ENTRIES = 50_000;
/** Past this many remembered drops, they are forgotten at once and every read in flight is treated as dropped. */
const MAX_DROPS = 10_000;

export const childDayKey = (districtId: string, studentId: string, date: string) => `student:${districtId}/${studentId}/${date}`;
export const classDayKey = (districtId: string, classId: string, date: string) => `class:${districtId}/${classId}/${date}`;

interface Entry<T> {
  value: T;
  classKey: string;
  until: number;
}

export class ChildDayCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private readonly byClass = new Map<string, Set<string>>();
  /** Counts drops; a read takes the count before it asks the database (its ticket). */
  private generation = 0;
  /** The generation of each key's last drop, and of the last drop of everything. */
  private readonly drops = new Map<string, number>();
  private allDroppedAt = 0;

  constructor(
    private readonly ttlMs = TTL_MS,
    private readonly maxEntries = MAX_ENTRIES,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  get(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.until > this.clock()) return entry.value;
    this.remove(key);
    return undefined;
  }

  /** Taken before the database is read: keep() refuses the answer if a drop came in between. */
  ticket(): number {
    return this.generation;
  }

  keep(key: string, classKey: string, value: T, ticket: number): void {
    if (this.allDroppedAt > ticket || (this.drops.get(key) ?? 0) > ticket || (this.drops.get(classKey) ?? 0) > ticket) return;
    this.remove(key);
    if (this.entries.size >= this.maxEntries) this.remove(this.entries.keys().next().value!);
    this.entries.set(key, { value, classKey, until: this.clock() + this.ttlMs });
    let members = this.byClass.get(classKey);
    if (!members) this.byClass.set(classKey, (members = new Set()));
    members.add(key);
  }

  /** A child's day (`student:` key), a class's day for every child (`class:` key), or everything (null). */
  drop(key: string | null): void {
    this.generation++;
    if (key === null || this.drops.size >= MAX_DROPS) {
      this.entries.clear();
      this.byClass.clear();
      this.drops.clear();
      this.allDroppedAt = this.generation;
      return;
    }
    this.drops.set(key, this.generation);
    if (key.startsWith('class:')) for (const member of this.byClass.get(key) ?? []) this.remove(member);
    else this.remove(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    const members = this.byClass.get(entry.classKey);
    members?.delete(key);
    if (members?.size === 0) this.byClass.delete(entry.classKey);
  }
}

/** A cache that follows the drops of the platform: the child-day topic by key, a directory change as everything. */
export function followedCache<T>(): ChildDayCache<T> {
  const cache = new ChildDayCache<T>();
  onInvalidate('homework.childDay', (key) => cache.drop(key));
  onInvalidate('directory', () => cache.drop(null));
  return cache;
}
