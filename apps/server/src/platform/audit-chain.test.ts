/**
 * The audit log's hash chain: the auditor's status, verification and export; tampering (a changed, a removed and an
 * inserted row) found by verification and by `npm run audit:verify`; retention moving rows to the archive with the
 * chain intact; the refusals for everyone but the district's own auditor.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { auditActionLabels } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestDb, createWorld, type TestDb, type World } from '../../test/harness';
import { auditMany, systemActor } from './audit';
import { archiveDistrict, chainDistrict, verifyDistrict } from './audit-chain';
import { hashPassword } from './auth/password';
import { secondFactors } from './auth/schema';
import { type Database, openDatabase } from './db';
import { districts, users } from './schema';

const here = dirname(fileURLToPath(import.meta.url));
const onPostgres = !!process.env.TEST_DATABASE_URL;

/** A statement as the tables' owner, past the triggers (the tamperer the chain must catch). */
async function asOwnerPastTrigger(t: TestDb, statements: string[]) {
  const wrapped = ['alter table audit_log disable trigger audit_log_no_update', ...statements, 'alter table audit_log enable trigger audit_log_no_update'];
  if (!t.ownerUrl) {
    for (const s of wrapped) await t.database.query(s);
    return;
  }
  const owner = new pg.Client({ connectionString: t.ownerUrl });
  await owner.connect();
  try {
    for (const s of wrapped) await owner.query(s);
  } finally {
    await owner.end();
  }
}

async function districtId(database: Database, code: string) {
  const [d] = await database.query<{ id: string }>('select id from districts where code = $1', [code]);
  return d!.id;
}

const entries = (n: number, from = 0) => Array.from({ length: n }, (_, i) => ({ action: 'student.update', entity: 'student', entityId: `s${from + i}`, after: { name: `学生${from + i}`, grade: 3 } }));

describe('the auditor and the chain (API)', () => {
  let w: World;
  let other: string;
  beforeAll(async () => {
    w = await createWorld();
    other = await districtId(w.db.database, 'other');
    // the other district's own auditor
    const [u] = await w.db.database.db.insert(users).values({ districtId: other, username: 'other-auditor', name: '另一区审计员', passwordHash: await hashPassword('Demo#2026'), mustChangePassword: false }).returning();
    // role grants belong to the org module; the platform's own test writes the row in SQL
    await w.db.database.query('insert into role_assignments (district_id, user_id, role) values ($1, $2, $3)', [other, u!.id, 'auditor']);
    await w.db.database.db.insert(secondFactors).values({ districtId: other, userId: u!.id, exempt: true });
    await auditMany(w.db.database.db, systemActor(await districtId(w.db.database, 'demo')), entries(1));
  });
  afterAll(() => w.close());

  it('shows the chain, verifies it on demand and lists rows in words with their place in the chain', async () => {
    const cookie = await w.login('demo-auditor');
    const before = await call(w.app, cookie, 'GET', '/api/audit/chain');
    expect(before.status).toBe(200);
    expect(before.body.unchained).toBeGreaterThan(0);
    expect(before.body.retentionDays).toBe(180);
    const verified = await call(w.app, cookie, 'POST', '/api/audit/verify');
    expect(verified.status).toBe(200);
    expect(verified.body.faults).toEqual([]);
    expect(verified.body.status.lastVerified).toMatchObject({ ok: true, faults: 0, firstBadSeq: null });
    expect(verified.body.status.lastVerified.rowsChecked).toBeGreaterThan(0);
    expect(verified.body.status.headSeq).toBe(verified.body.status.chained);
    const list = await call(w.app, cookie, 'GET', '/api/audit?action=audit.verify');
    expect(list.body.items[0]).toMatchObject({ action: 'audit.verify', actorName: '钱红梅', entity: 'audit_log' });
    const chained = await call(w.app, cookie, 'GET', '/api/audit?pageSize=100');
    expect(chained.body.items.some((e: { seq: number | null }) => e.seq === 1)).toBe(true);
    expect(chained.body.items.find((e: { entityId: string | null }) => e.entityId === 's0')).toMatchObject({ entityName: '学生0', seq: expect.any(Number) });
  });

  it('refuses everyone but an auditor, and an auditor sees only the own district', async () => {
    const principal = await w.login('demo-principal');
    for (const [method, url] of [['GET', '/api/audit/chain'], ['POST', '/api/audit/verify'], ['GET', '/api/audit/export?from=2026-01-01&to=2026-12-31'], ['GET', '/api/audit']] as const) {
      expect((await call(w.app, principal, method, url)).status).toBe(403);
      expect((await call(w.app, null, method, url)).status).toBe(401);
    }
    const otherAuditor = await w.login('other-auditor');
    const mine = await call(w.app, otherAuditor, 'POST', '/api/audit/verify');
    expect(mine.status).toBe(200);
    const demoId = await districtId(w.db.database, 'demo');
    const [demoRows] = await w.db.database.query<{ n: number }>('select count(*)::int as n from audit_log where district_id = $1', [demoId]);
    expect(mine.body.status.chained).toBeLessThan(demoRows!.n);
    const list = await call(w.app, otherAuditor, 'GET', '/api/audit?pageSize=100');
    expect(list.body.items.every((e: { actorName: string }) => e.actorName !== '钱红梅')).toBe(true);
    // the other district's export holds only its own rows
    const file = await w.app.inject({ method: 'GET', url: '/api/audit/export?from=2020-01-01&to=2030-12-31', headers: { cookie: otherAuditor } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.getWorksheet('链证明')!.getCell('A1').text).toBe(`区县编号：${other}`);
  });

  it('exports a range as a spreadsheet with the chain proof that matches the chain', async () => {
    const cookie = await w.login('demo-auditor');
    const bad = await call(w.app, cookie, 'GET', '/api/audit/export?from=2026-11-30&to=2026-11-01');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('结束日期');
    expect((await call(w.app, cookie, 'GET', '/api/audit/export?from=2026-13-01&to=2026-11-01')).status).toBe(400);
    expect((await call(w.app, cookie, 'GET', '/api/audit/export?from=2001-01-01&to=2001-01-02')).status).toBe(404);
    const demoId = await districtId(w.db.database, 'demo');
    const res = await w.app.inject({ method: 'GET', url: '/api/audit/export?from=2020-01-01&to=2030-12-31', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('审计日志')!;
    const proof = wb.getWorksheet('链证明')!.getColumn(1).values.filter(Boolean).map(String);
    const line = (label: string) => proof.find((l) => l.startsWith(label))!.slice(label.length);
    const count = Number(line('记录条数：'));
    expect(count).toBe(sheet.rowCount - 1);
    expect(line('本文件内链条完整：')).toBe('是');
    const [head] = await w.db.database.query<{ seq: string; hash: string; first: string }>(
      `select max(seq)::text as seq, (select hash from audit_log where district_id = $1 and seq = (select max(seq) from audit_log where district_id = $1)) as hash,
        (select prev_hash from audit_log where district_id = $1 and seq = 1) as first from audit_log where district_id = $1`,
      [demoId],
    );
    expect(count).toBe(Number(head!.seq));
    expect(line('末条哈希（hash）：')).toBe(head!.hash);
    expect(line('首条的前一条哈希（prev_hash）：')).toContain(head!.first);
    // rows in words: the label of the action, not its code, in the 操作 column
    const header = (sheet.getRow(1).values as string[]).indexOf('操作');
    const labels = new Set<string>();
    sheet.eachRow((row, n) => n > 1 && labels.add(String(row.getCell(header).value)));
    expect([...labels].some((l) => Object.values(auditActionLabels).includes(l))).toBe(true);
    const exported = await call(w.app, cookie, 'GET', '/api/audit?action=audit.export');
    expect(exported.body.items[0].after).toMatchObject({ count, lastHash: head!.hash });
  });
});

describe('tampering, retention and npm run audit:verify', () => {
  let t: TestDb;
  let folder: string | null = null;
  let d: string;
  const urlEnv = () => (t.url ? { DATABASE_URL: t.url, DATABASE_OWNER_URL: t.ownerUrl } : { DATABASE_URL: folder! });

  /** `npm run audit:verify` on this database (the embedded one closed for it, as the CLI takes the folder's lock). */
  async function cli(): Promise<{ code: number; out: string }> {
    if (folder) await t.database.close();
    const result = await new Promise<{ code: number; out: string }>((done) =>
      execFile(process.execPath, ['--import', 'tsx', resolve(here, '../cli/audit-verify.ts')], { env: { ...process.env, ...urlEnv() }, cwd: resolve(here, '../..') }, (err, stdout, stderr) =>
        done({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: stdout + stderr }),
      ),
    );
    if (folder) t = { ...t, database: await openDatabase(folder) };
    return result;
  }

  beforeAll(async () => {
    if (onPostgres) t = await createTestDb();
    else {
      folder = mkdtempSync(join(tmpdir(), 'audit-chain-'));
      const database = await openDatabase(folder);
      t = { database, drop: async () => undefined };
    }
    const [row] = await t.database.db.insert(districts).values({ code: 'chain', name: '链区' }).returning();
    d = row!.id;
    await auditMany(t.database.db, systemActor(d), entries(30));
  });
  afterAll(async () => {
    // a test database's drop closes its pool itself; a folder's database is closed here
    if (folder) {
      await t.database.close().catch(() => undefined);
      rmSync(folder, { recursive: true, force: true });
    } else await t.drop();
  });

  it('chains rows in batches after the writers, and then no one changes a chained row', async () => {
    expect(await chainDistrict(t.database.db, d)).toBe(30);
    expect(await chainDistrict(t.database.db, d)).toBe(0);
    await auditMany(t.database.db, systemActor(d), entries(5, 30));
    expect(await chainDistrict(t.database.db, d)).toBe(5);
    const v = await verifyDistrict(t.database.db, d);
    expect(v).toMatchObject({ liveRows: 35, headSeq: 35, faults: [], firstBadSeq: null });
    await expect(t.database.query(`update audit_log set action = 'x' where seq = 3`)).rejects.toThrow(/append-only|permission denied/);
    await expect(t.database.query(`update audit_log set hash = 'x' where seq = 3`)).rejects.toThrow(/append-only|permission denied/);
    await expect(t.database.query(`delete from audit_log where seq = 3`)).rejects.toThrow(/append-only|permission denied/);
    // the chaining function only fills rows not yet chained
    const [n] = await t.database.query<{ n: number }>(`select audit_log_set_chain($1, '{1}', '{1}', '{x}', '{y}') as n`, [d]);
    expect(Number(n!.n)).toBe(0);
  });

  it('reports a clean chain with figures and exit code 0', async () => {
    const { code, out } = await cli();
    expect(out).toContain('链区');
    expect(out).toMatch(/35 rows checked \(live 35, archive 0\), head seq 35 — OK/);
    expect(out).toMatch(/audit chain: \d+ district\(s\), \d+ rows checked, intact/);
    expect(code).toBe(0);
  });

  it('finds a changed row, a removed row and an inserted row, and exits 1', async () => {
    await asOwnerPastTrigger(t, [
      `update audit_log set after = '{"name":"改过的学生","grade":3}' where district_id = '${d}' and seq = 5`,
      `delete from audit_log where district_id = '${d}' and seq = 9`,
      `insert into audit_log (district_id, actor_name, actor_roles, action, entity, seq, prev_hash, hash)
         select district_id, '冒名', '{}', 'student.update', 'student', seq, prev_hash, hash from audit_log where district_id = '${d}' and seq = 20`,
    ]);
    const v = await verifyDistrict(t.database.db, d);
    expect(v.faults).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'altered', seq: 5 }),
        expect.objectContaining({ kind: 'missing', seq: 9, count: 1 }),
        expect.objectContaining({ kind: 'inserted', seq: 20 }),
      ]),
    );
    expect(v.faults).toHaveLength(3);
    expect(v.firstBadSeq).toBe(5);
    const { code, out } = await cli();
    expect(code).toBe(1);
    expect(out).toContain('3 FAULTS, first bad seq 5');
    expect(out).toContain('altered row (content does not match its hash): seq 5');
    expect(out).toContain('missing rows: seq 9 (1)');
    expect(out).toMatch(/inserted row \(a second row with this seq\): seq 20, id \d+/);
    expect(out).toContain('NOT INTACT');
  });

  it('sees rows cut from the end of a chain once found whole', async () => {
    const [row] = await t.database.db.insert(districts).values({ code: 'tail', name: '尾区' }).returning();
    await auditMany(t.database.db, systemActor(row!.id), entries(6));
    await chainDistrict(t.database.db, row!.id);
    expect((await cli()).out).toMatch(/尾区.*head seq 6 — OK/);
    await asOwnerPastTrigger(t, [`delete from audit_log where district_id = '${row!.id}' and seq > 4`]);
    expect((await verifyDistrict(t.database.db, row!.id)).faults).toEqual([{ kind: 'missing', seq: 5, count: 2 }]);
  });

  it('moves rows past retention to the archive, never younger than 180 days, and the chain still verifies', async () => {
    const [row] = await t.database.db.insert(districts).values({ code: 'old', name: '旧区' }).returning();
    const old = row!.id;
    await t.database.query(
      `insert into audit_log (district_id, at, actor_name, actor_roles, action, entity) select $1, now() - (400 - g) * interval '1 day', '系统', '{}', 'class.update', 'class' from generate_series(1, 12) g`,
      [old],
    );
    await auditMany(t.database.db, systemActor(old), entries(3));
    await chainDistrict(t.database.db, old);
    await expect(archiveDistrict(t.database.db, old, 90, new Date())).rejects.toThrow(/180/);
    await expect(t.database.query(`select audit_log_archive_before($1, now() - interval '30 days', 10)`, [old])).rejects.toThrow(/180 days/);
    expect(await archiveDistrict(t.database.db, old, 180, new Date())).toBe(12);
    const v = await verifyDistrict(t.database.db, old);
    expect(v).toMatchObject({ liveRows: 3, archivedRows: 12, headSeq: 15, faults: [] });
    await expect(t.database.query(`delete from audit_log_archive where district_id = $1`, [old])).rejects.toThrow(/append-only|permission denied/);
    await expect(t.database.query(`update audit_log_archive set action = 'x' where district_id = $1`, [old])).rejects.toThrow(/append-only|permission denied/);
    expect((await cli()).out).toMatch(/旧区.*15 rows checked \(live 3, archive 12\), head seq 15 — OK/);
  });
});

describe('action labels', () => {
  it('names every action the server records in words', () => {
    const src = resolve(here, '..');
    const files = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
    const actions = new Set<string>();
    for (const f of files(src)) for (const m of readFileSync(f, 'utf8').matchAll(/\baction: '([a-z][a-z0-9_.-]+\.[a-z0-9_.-]+)'/g)) actions.add(m[1]!);
    expect(actions.size).toBeGreaterThan(150);
    expect([...actions].filter((a) => !auditActionLabels[a])).toEqual([]);
  });
});
