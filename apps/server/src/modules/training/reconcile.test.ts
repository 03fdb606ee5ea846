/**
 * Bank reconciliation of an institution's custody account against the ledger: a statement that matches reconciles
 * clean to the fen (closing balance included); an extra bank line, a transfer missing from the bank and an amount
 * difference are each listed; the same file twice is refused; a re-run after the ledger changed; a bad file answers
 * 4xx naming rows and columns; the export and the template; an institution admin and another district are refused.
 * The ledger rows are written straight into the core tables (dated transfers in June, a month no demo data touches).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { seedTrainingReconcileDemo } from '../../demo/training-reconcile';
import { accountFor } from './ledger';

let w: World;
let d: string;
let inst: string;
let district: string;
const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const URL_OF = (inst_: string, extra = '') => `/api/training/reconcile/imports?institutionId=${inst_}&periodFrom=2026-06-01&periodTo=2026-06-30${extra}`;

function multipart(name: string, file: Buffer) {
  const boundary = '----rec' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(name: string, file: Buffer | string, cookie = district, url = URL_OF(inst)) {
  const { payload, headers } = multipart(name, Buffer.isBuffer(file) ? file : Buffer.from(file));
  const res = await w.app.inject({ method: 'POST', url, payload, headers: { ...headers, cookie } });
  return { status: res.statusCode, body: res.json() };
}

const HEAD = '交易日期,收/支,金额(元),对方户名,摘要/附言,流水号,余额';
/** The ledger below, as the bank shows it (a day later for some), with the running balance. */
const CLEAN = [
  '2026-06-02,收,"1,800.00",张伟,购课 QM-0001,B001,1800.00',
  '2026/6/5,收,900.00,李娜,QM-0002 购课,B002,2700.00',
  '2026-06-10,支,150.00,启明文化艺术培训学校,课消划拨 QM-0001,B003,2550.00',
  '2026-06-12,支,150.00,启明文化艺术培训学校,课消划拨 QM-0002,B004,2400.00',
  '2026-06-16,支,150.00,启明文化艺术培训学校,课消划拨 QM-0001,B005,2250.00',
  '2026-06-20,支,600.00,李娜,退费 QM-0002,B006,1650.00',
];
const csv = (lines: string[]) => [HEAD, ...lines].join('\r\n') + '\r\n';

/** The ledger's own account of an owner (the custody area's accountFor), its totals moved with each dated transfer below. */
const account = (kind: 'parents' | 'released' | 'refunds' | 'order', orderId: string | null = null) =>
  accountFor(w.db.database.db, d, { kind, institutionId: ['parents', 'refunds'].includes(kind) ? null : inst, orderId });
async function transfer(kind: string, debit: string, credit: string, amount: number, orderId: string, at: string) {
  await q(
    `insert into training_transfers (district_id, idempotency_key, kind, debit_account_id, credit_account_id, amount_fen, institution_id, order_id, created_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [d, `test-${kind}-${Math.random()}`, kind, debit, credit, amount, inst, orderId, `${at}T10:00:00+08:00`],
  );
  await q(`update training_accounts set debits_posted = debits_posted + $3 where district_id = $1 and id = $2`, [d, debit, amount]);
  await q(`update training_accounts set credits_posted = credits_posted + $3 where district_id = $1 and id = $2`, [d, credit, amount]);
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  district = await w.login('demo-district');
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  const [i] = await q<{ id: string; zone_id: string }>(`select id, zone_id from institutions where district_id = $1 and name = '启明文化艺术培训学校'`, [d]);
  inst = i!.id;
  const [student] = await q<{ id: string }>(`select id from students where district_id = $1 and name = '张小明' limit 1`, [d]);
  const [parent] = await q<{ id: string }>(`select id from users where username = 'demo-parent'`);
  const [course] = await q<{ id: string }>(
    `insert into training_courses (district_id, institution_id, zone_id, name, subtype, category, mode, lesson_minutes, max_class_size, price_per_lesson_fen, status)
     values ($1, $2, $3, '对账测试·素描', 'arts', 'non_subject', 'offline', 45, 10, 15000, 'approved') returning id`,
    [d, inst, i!.zone_id],
  );
  const [pkg] = await q<{ id: string }>(
    `insert into training_packages (district_id, institution_id, zone_id, course_id, name, lessons, months, price_fen, status)
     values ($1, $2, $3, $4, '对账测试 12 课时', 12, 3, 180000, 'approved') returning id`,
    [d, inst, i!.zone_id, course!.id],
  );
  const parents = await account('parents');
  const released = await account('released');
  const refunds = await account('refunds');
  const order = async (code: string, lessons: number, left: number, price: number) => {
    const [o] = await q<{ id: string }>(
      `insert into training_orders (district_id, code, institution_id, zone_id, course_id, package_id, student_id, guardian_user_id, lessons, lessons_left,
         price_fen, price_per_lesson_fen, status, contract_version, contract_hash, contract_accepted_at, custody_mode, valid_until, account_id)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 15000, 'active', 'test', 'x', now(), 'custody', '2027-02-01', gen_random_uuid()) returning id`,
      [d, code, inst, i!.zone_id, course!.id, pkg!.id, student!.id, parent!.id, lessons, left, price],
    );
    const acc = await account('order', o!.id);
    await q(`update training_orders set account_id = $3 where district_id = $1 and id = $2`, [d, o!.id, acc]);
    return { id: o!.id, account: acc };
  };
  const o1 = await order('QM-0001', 12, 10, 180000);
  const o2 = await order('QM-0002', 6, 5, 90000);
  await transfer('purchase', parents, o1.account, 180000, o1.id, '2026-06-02');
  await transfer('purchase', parents, o2.account, 90000, o2.id, '2026-06-05');
  await transfer('consume', o1.account, released, 15000, o1.id, '2026-06-09');
  await transfer('consume', o2.account, released, 15000, o2.id, '2026-06-12');
  await transfer('consume', o1.account, released, 15000, o1.id, '2026-06-16');
  await transfer('refund', o2.account, refunds, 60000, o2.id, '2026-06-20');
  // outside the period: neither listed nor in the closing balance
  await transfer('consume', o1.account, released, 15000, o1.id, '2026-07-01');
  Object.assign(globalThis, { __rec: { o1, o2, released } });
});
afterAll(() => w?.close());

describe('training bank reconciliation', () => {
  let cleanId: string;
  let diffId: string;

  it('reconciles a matching statement clean, to the fen and the closing balance', async () => {
    const res = await upload('托管对账单-6月.csv', csv(CLEAN), district, URL_OF(inst, '&bank=' + encodeURIComponent('重庆银行')));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const imp = res.body.import;
    cleanId = imp.id;
    expect(imp).toMatchObject({
      institutionName: '启明文化艺术培训学校',
      bank: '重庆银行',
      lines: 6,
      matched: 6,
      amountDiffers: 0,
      unmatchedBank: 0,
      missingBank: 0,
      bankInFen: 270000,
      ledgerInFen: 270000,
      bankOutFen: 105000,
      ledgerOutFen: 105000,
      statementClosingFen: 165000,
      ledgerClosingFen: 165000,
      balanceDiffFen: 0,
      clean: true,
      runs: 1,
    });
    expect(res.body.lines).toEqual([]);
    expect(res.body.gaps).toEqual([]);
    const all = await call(w.app, district, 'GET', `/api/training/reconcile/imports/${cleanId}?show=all`);
    expect(all.body.lines).toHaveLength(6);
    expect(all.body.lines.every((l: { status: string; transferId: string | null }) => l.status === 'matched' && l.transferId)).toBe(true);
    // the refund line took the refund, not the consumption of the same order
    expect(all.body.lines.find((l: { serialNo: string }) => l.serialNo === 'B006')).toMatchObject({ transferKind: 'refund', orderCode: 'QM-0002' });
  });

  it('refuses the same file a second time, naming when it was imported', async () => {
    const res = await upload('again.csv', csv(CLEAN));
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('已于');
    expect(res.body.message).toContain('不能重复导入');
  });

  it('lists an extra bank line, a missing one and an amount difference, and the balance difference', async () => {
    const lines = [
      CLEAN[0]!,
      '2026-06-05,收,900.01,李娜,QM-0002 购课,B002,2700.01', // amount differs by 1 fen
      CLEAN[2]!,
      CLEAN[3]!,
      // B005 (QM-0001's consumption of 11-16) missing
      CLEAN[5]!.replace(',1650.00', ',1800.01'),
      '2026-06-25,支,50.00,启明文化艺术培训学校,课消划拨 QM-0002,B007,1750.01', // no such transfer
      '2026-06-30,收,1.23,重庆银行,结息,B008,1751.24', // no order code
    ];
    const res = await upload('托管对账单-6月-差异.csv', csv(lines));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    diffId = res.body.import.id;
    expect(res.body.import).toMatchObject({ matched: 4, amountDiffers: 1, unmatchedBank: 2, missingBank: 1, clean: false, statementClosingFen: 175124, ledgerClosingFen: 165000, balanceDiffFen: 10124 });
    const bySerial = Object.fromEntries(res.body.lines.map((l: { serialNo: string }) => [l.serialNo, l]));
    expect(bySerial.B002).toMatchObject({ status: 'amount_differs', amountFen: 90001, ledgerAmountFen: 90000, diffFen: 1, orderCode: 'QM-0002' });
    expect(bySerial.B007).toMatchObject({ status: 'unmatched_bank', orderCode: 'QM-0002' });
    expect(bySerial.B008).toMatchObject({ status: 'unmatched_bank', orderCode: null, note: '摘要/附言中没有本机构的订单编号' });
    expect(res.body.gaps).toEqual([expect.objectContaining({ kind: 'consume', direction: 'out', amountFen: 15000, orderCode: 'QM-0001', date: '2026-06-16' })]);
    const only = await call(w.app, district, 'GET', `/api/training/reconcile/imports/${diffId}?show=missing_bank`);
    expect(only.body.lines).toEqual([]);
    expect(only.body.gaps).toHaveLength(1);
    const differs = await call(w.app, district, 'GET', `/api/training/reconcile/imports/${diffId}?show=amount_differs`);
    expect(differs.body.lines.map((l: { serialNo: string }) => l.serialNo)).toEqual(['B002']);
  });

  it('re-runs a reconciliation after the ledger changed', async () => {
    const { o2, released } = (globalThis as unknown as { __rec: { o2: { id: string; account: string }; released: string } }).__rec;
    await transfer('consume', o2.account, released, 5000, o2.id, '2026-06-24');
    const res = await call(w.app, district, 'POST', `/api/training/reconcile/imports/${diffId}/rerun`);
    expect(res.status).toBe(200);
    expect(res.body.import).toMatchObject({ matched: 5, amountDiffers: 1, unmatchedBank: 1, missingBank: 1, runs: 2, ledgerClosingFen: 160000 });
    expect(res.body.lines.map((l: { serialNo: string }) => l.serialNo).sort()).toEqual(['B002', 'B008']);
    const list = await call(w.app, district, 'GET', `/api/training/reconcile/imports?institutionId=${inst}`);
    expect(list.body.imports.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([cleanId, diffId]));
    // the clean one, re-run, now misses the new transfer
    const again = await call(w.app, district, 'POST', `/api/training/reconcile/imports/${cleanId}/rerun`);
    expect(again.body.import).toMatchObject({ missingBank: 1, clean: false, balanceDiffFen: 5000 });
  });

  it('exports the differences and gives the template', async () => {
    const res = await call(w.app, district, 'GET', `/api/training/reconcile/imports/${diffId}/export`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const rows = wb.getWorksheet('差异明细')!.getSheetValues().flat().map(String);
    expect(rows.join(' ')).toContain('金额不符');
    expect(rows.join(' ')).toContain('账本有、银行无');
    const tpl = await call(w.app, district, 'GET', '/api/training/reconcile/template');
    expect(tpl.status).toBe(200);
    const t = new ExcelJS.Workbook();
    await t.xlsx.load(tpl.raw.rawPayload as unknown as ArrayBuffer);
    expect(t.worksheets[0]!.getRow(1).values).toEqual(expect.arrayContaining(['交易日期', '收/支', '金额(元)', '对方户名', '摘要/附言', '流水号']));
    expect(t.getWorksheet('填写说明')).toBeTruthy();
  });

  it('reads an Excel statement with signed amounts', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('流水');
    ws.addRow(['记账日期', '交易金额', '对方名称', '摘要', '交易流水号']);
    ws.addRow(['2026-06-02', '1800.00', '张伟', 'QM-0001', 'X1']);
    ws.addRow(['2026-06-09', '-150.00', '启明', 'QM-0001 课消', 'X2']);
    const res = await upload('bank.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.import).toMatchObject({ lines: 2, matched: 2, bankOutFen: 15000, statementClosingFen: null, balanceDiffFen: null });
  });

  it('refuses a bad file with each row and column named', async () => {
    const bad = await upload('bad.csv', csv(['2026-06-31,收,10.00,张伟,QM-0001,C1,', '2026-06-03,收,1.234,张伟,QM-0001,C2,', '2026-05-30,支,5.00,x,QM-0001,C3,', '2026-06-04,进,5.00,x,QM-0001,C1,']));
    expect(bad.status).toBe(422);
    expect(bad.body.code).toBe('IMPORT_INVALID');
    expect(bad.body.details.errors).toEqual([
      expect.objectContaining({ row: 2, column: '交易日期' }),
      expect.objectContaining({ row: 3, column: '金额(元)' }),
      expect.objectContaining({ row: 4, column: '交易日期', message: expect.stringContaining('不在对账期间') }),
      expect.objectContaining({ row: 5, column: '收/支' }),
      expect.objectContaining({ row: 5, column: '流水号', message: '与第 2 行的流水号重复' }),
    ]);
    const cols = await upload('cols.csv', '日期,金额\n2026-06-02,1.00\n');
    expect(cols.status).toBe(400);
    expect(cols.body.message).toContain('缺少列');
    const junk = await upload('junk.xlsx', Buffer.from('PKnot a zip'));
    expect(junk.status).toBe(400);
    const period = await upload('p.csv', csv(CLEAN), district, `/api/training/reconcile/imports?institutionId=${inst}&periodFrom=2026-06-30&periodTo=2026-06-01`);
    expect(period.status).toBe(400);
  });

  it('refuses an institution admin and another district', async () => {
    const admin = await w.login('demo-institution');
    expect((await upload('x.csv', csv(CLEAN.slice(0, 1)), admin)).status).toBe(403);
    expect((await call(w.app, admin, 'GET', `/api/training/reconcile/imports?institutionId=${inst}`)).status).toBe(403);
    expect((await call(w.app, admin, 'GET', `/api/training/reconcile/imports/${diffId}`)).status).toBe(403);
    const other = await w.login('other-admin');
    expect((await call(w.app, other, 'GET', `/api/training/reconcile/imports/${diffId}`)).status).toBe(404);
    expect((await call(w.app, other, 'POST', `/api/training/reconcile/imports/${diffId}/rerun`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', `/api/training/reconcile/imports/${diffId}/export`)).status).toBe(404);
    expect((await call(w.app, other, 'GET', '/api/training/reconcile/imports')).body.imports).toEqual([]);
    expect((await upload('y.csv', csv(CLEAN.slice(0, 2)), other)).status).toBe(404);
  });

  it("the demo's statement of the whole ledger reconciles but for the bank's interest", async () => {
    await seedTrainingReconcileDemo(w.db.database.db, d, '2026-11-26');
    const list = await call(w.app, district, 'GET', `/api/training/reconcile/imports?institutionId=${inst}`);
    const demo = list.body.imports.find((i: { bank: string; fileName: string }) => i.fileName.includes('托管账户对账单'));
    expect(demo).toMatchObject({ amountDiffers: 0, unmatchedBank: 1, missingBank: 0, balanceDiffFen: 321, clean: false });
    expect(demo.matched).toBe(demo.lines - 1);
  });
});
