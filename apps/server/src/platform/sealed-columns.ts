/**
 * The columns modules keep sealed (platform/crypto.ts), declared by each module (`AppModule.sealed`), and the batch
 * work over them: sealing rows still in plaintext (the one-off conversion the server runs at start, a no-op once every
 * row is sealed) and re-sealing rows under a previous key with the current one (`npm run keys:rotate`).
 */
import { sql } from 'drizzle-orm';
import { blindIndex, isSealed, keyring, open, SEALED_PREFIX, seal } from './crypto';
import { type Db, rowsOf } from './db';

export interface SealedColumns {
  /** SQL name of the table. */
  table: string;
  /** Its primary key's columns (uuid). */
  key: readonly string[];
  /** Text columns holding sealed values (null stays null). */
  columns: readonly string[];
  /** A column holding the blind index of another column's plaintext (equality look-ups). */
  blindIndex?: { column: string; of: string };
}

export type ResealMode = 'plaintext' | 'rotate';

const ident = (name: string) => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a column name: ${name}`);
  return sql.raw(`"${name}"`);
};

/** Rows with work to do: a value in plaintext (or a missing blind index), and for a rotation a value under another key. */
function pending(spec: SealedColumns, mode: ResealMode) {
  const current = `${SEALED_PREFIX}${keyring().current.id}:%`;
  const tests = spec.columns.map((c) =>
    mode === 'plaintext' ? sql`(${ident(c)} is not null and ${ident(c)} not like ${`${SEALED_PREFIX}%`})` : sql`(${ident(c)} is not null and ${ident(c)} not like ${current})`,
  );
  if (spec.blindIndex) tests.push(sql`(${ident(spec.blindIndex.column)} is null and ${ident(spec.blindIndex.of)} is not null)`);
  return sql.join(tests, sql` or `);
}

/**
 * Seals (mode 'plaintext') or re-seals with the current key (mode 'rotate') every pending row of one table, `batch`
 * rows per transaction; blind indexes are recomputed with the current key. Returns how many rows were written.
 */
export async function resealTable(db: Db, spec: SealedColumns, mode: ResealMode, batch = 500): Promise<number> {
  let total = 0;
  const cols = [...spec.key, ...spec.columns, ...(spec.blindIndex ? [spec.blindIndex.column] : [])];
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const rows = await rowsOf<Record<string, string | null>>(
        tx,
        sql`select ${sql.join(cols.map(ident), sql`, `)} from ${ident(spec.table)} where ${pending(spec, mode)} limit ${batch} for update`,
      );
      if (!rows.length) return 0;
      const values = rows.map((r) => {
        const plain = new Map(spec.columns.map((c) => [c, r[c] === null || r[c] === undefined ? null : isSealed(r[c]) ? open(r[c]) : r[c]]));
        const sealed = spec.columns.map((c) => {
          const p = plain.get(c);
          return p === null || p === undefined ? sql`null` : sql`${seal(p)}`;
        });
        const index = spec.blindIndex ? [plain.get(spec.blindIndex.of) == null ? sql`null` : sql`${blindIndex(plain.get(spec.blindIndex.of)!)}`] : [];
        return sql`(${sql.join([...spec.key.map((k) => sql`${r[k]}::uuid`), ...sealed, ...index], sql`, `)})`;
      });
      const written = [...spec.columns, ...(spec.blindIndex ? [spec.blindIndex.column] : [])];
      await tx.execute(sql`update ${ident(spec.table)} t set ${sql.join(
        written.map((c) => sql`${ident(c)} = v.${ident(c)}`),
        sql`, `,
      )} from (values ${sql.join(values, sql`, `)}) as v(${sql.join([...spec.key, ...written].map(ident), sql`, `)})
        where ${sql.join(
          spec.key.map((k) => sql`t.${ident(k)} = v.${ident(k)}`),
          sql` and `,
        )}`);
      return rows.length;
    });
    total += n;
    if (n < batch) return total;
  }
}

/** Every declared table in turn; the rows written per table. */
export async function resealAll(db: Db, specs: readonly SealedColumns[], mode: ResealMode, batch = 500): Promise<Record<string, number>> {
  const written: Record<string, number> = {};
  for (const spec of specs) written[spec.table] = await resealTable(db, spec, mode, batch);
  return written;
}
