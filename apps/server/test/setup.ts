/**
 * Every test file: a statement sent to a node-postgres connection while another statement runs on it fails the test.
 * A transaction has one connection (an idempotent write's, the demo loader's), so reads that go together must go
 * through atOnce / eachAtOnce (platform/db.ts), never Promise.all. node-postgres 8 queues such a statement, and warns
 * only from the third one on and once per process; pg 9 refuses it. Only the PostgreSQL run (TEST_DATABASE_URL) uses
 * node-postgres: on PGlite nothing here fires.
 */
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';

/** node-postgres 8's own state of a connection (not in its types). */
type ClientState = { pipeline?: boolean; _activeQuery?: unknown; _queryQueue?: unknown[] };

const overlaps: string[] = [];

function record(what: string) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  overlaps.push(new Error(what).stack ?? what);
  Error.stackTraceLimit = limit;
}

const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
pg.Client.prototype.query = function (this: pg.Client & ClientState, ...args: unknown[]) {
  if (!this.pipeline && (this._activeQuery || this._queryQueue?.length)) record('a statement was sent to a PostgreSQL connection while another ran on it');
  return query.apply(this, args);
} as typeof pg.Client.prototype.query;

// the driver's own warning too, should its inner state above ever be named differently
process.on('warning', (warning) => {
  if (warning.name === 'DeprecationWarning' && warning.message.includes('already executing a query')) record(warning.message);
});

function failOnOverlap() {
  if (!overlaps.length) return;
  const seen = overlaps.splice(0);
  throw new Error(`${seen.length} statement(s) sent to a PostgreSQL connection while another ran on it (a transaction's?): run the reads with atOnce / eachAtOnce from platform/db.ts. The first:\n${seen[0]}`);
}
afterEach(failOnOverlap);
afterAll(failOnOverlap);
