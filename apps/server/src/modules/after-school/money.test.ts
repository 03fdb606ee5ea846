/**
 * Money of the after-school module against raw rows of the core tables: a month's bills (fee, waivers from the list
 * and from the 困难 flag, refunds for leave, opting out and cancelled sessions, pass-through of provider lessons),
 * regeneration that keeps paid bills and reverses the ledger, payments recorded once under one key, a bank export
 * imported once whatever the retries (matched by number or by name and class, the rest listed, matched by hand), a
 * bad file refused whole, settlement that reconciles to the fen, the parent's view, and the refusals.
 */
import { fen, prorate } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { NO_SENSITIVE, sealSensitive } from '../org';

let w: World;
let d: string;
let semesterId: string;
let school: string;
let otherSchool: string;
let principal: string;
const kids: Record<'A' | 'B' | 'C' | 'D' | 'E', { id: string; class_id: string; name: string; student_no: string; class_name: string }> = {} as never;
let teachers: string[];
let providerCourse: string;
let closed: Set<string>;
const MONTH = '2026-12';
const FEE = 20000;
const PRICE = 3500;

const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const bill = async (studentId: string) => (await call(w.app, principal, 'GET', `/api/after-school/money/bills?schoolId=${school}&month=${MONTH}`)).body.bills.find((b: { studentId: string }) => b.studentId === studentId);

function multipart(name: string, file: Buffer) {
  const boundary = '----money' + Math.random().toString(16).slice(2);
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`);
  return { payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(name: string, file: Buffer, cookie = principal, schoolId = school) {
  const { payload, headers } = multipart(name, file);
  const res = await w.app.inject({ method: 'POST', url: `/api/after-school/money/payments/import?schoolId=${schoolId}`, payload, headers: { ...headers, cookie } });
  return { status: res.statusCode, body: res.json() };
}

beforeAll(async () => {
  w = await createWorld();
  principal = await w.login('demo-principal');
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: semesterId }] = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= '2026-11-26' and end_date >= '2026-11-26'`, [d])) as [{ id: string }];
  [{ id: school }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string }];
  [{ id: otherSchool }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code <> 'SY01' order by code limit 1`, [d])) as [{ id: string }];
  teachers = (await q<{ user_id: string }>(`select distinct user_id from role_assignments where district_id = $1 and school_id = $2 and role = 'teacher' order by user_id limit 2`, [d, school])).map((t) => t.user_id);
  const [{ id: parentUser }] = (await q<{ id: string }>(`select id from users where username = 'demo-parent'`)) as [{ id: string }];

  // the plan in force: ¥200 a month, Monday to Friday
  await q(`update after_school_plans set status = 'superseded' where district_id = $1 and school_id = $2 and semester_id = $3 and status = 'approved'`, [d, school, semesterId]);
  const body = { weekdays: [1, 2, 3, 4, 5], periods: [], fees: { mode: 'monthly', serviceFeeFen: FEE, passThroughNote: null } };
  const [{ id: planId }] = (await q<{ id: string }>(
    `insert into after_school_plans (district_id, school_id, semester_id, version, status, body) values ($1, $2, $3, 900, 'approved', $4) returning id`,
    [d, school, semesterId, JSON.stringify(body)],
  )) as [{ id: string }];

  const [inst] = await q<{ id: string; name: string }>(`select id, name from institutions where district_id = $1 limit 1`, [d]);
  const [{ id: providerId }] = (await q<{ id: string }>(
    `insert into after_school_providers (district_id, institution_id, institution_name, item, category, price_per_lesson_fen, listed_from)
     values ($1, $2, $3, '结算测试机器人', 'science', $4, '2026-08-01') returning id`,
    [d, inst!.id, inst!.name, PRICE],
  )) as [{ id: string }];
  const courses = await q<{ id: string }>(
    `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, staffing, teacher_ids, provider_id, price_per_lesson_fen)
     values ($1, $2, $3, '作业辅导（结算测试）', 'homework', '{3}', 40, '{1,2,3,4,5}', '16:30', '17:30', 'teacher', $4::uuid[], null, 0),
            ($1, $2, $3, '机器人（结算测试）', 'science', '{3}', 20, '{3}', '17:30', '18:30', 'provider', $5::uuid[], $6, $7)
     returning id`,
    [d, school, semesterId, [teachers[0]], [teachers[1]], providerId, PRICE],
  );
  providerCourse = courses[1]!.id;

  const rows = await q<{ id: string; class_id: string; name: string; student_no: string; class_name: string }>(
    `select s.id, s.class_id, s.name, s.student_no, c.name as class_name from students s join classes c on c.district_id = s.district_id and c.id = s.class_id
     where s.district_id = $1 and s.school_id = $2 and c.grade = 3 and s.status = 'active'
       and (s.name = '张小明' or not exists (select 1 from after_school_agreements g where g.district_id = s.district_id and g.student_id = s.id)
         and not exists (select 1 from after_school_enrolments e where e.district_id = s.district_id and e.student_id = s.id))
     order by (s.name = '张小明') desc, s.student_no limit 5`,
    [d, school],
  );
  (['A', 'B', 'C', 'D', 'E'] as const).forEach((k, i) => (kids[k] = rows[i]!));
  for (const k of Object.values(kids)) {
    await q(
      `insert into after_school_agreements (district_id, school_id, class_id, student_id, semester_id, plan_id, signed_by, signed_at, text_hash, opt_out_from)
       values ($1, $2, $3, $4, $5, $6, $7, '2026-08-30T02:00:00Z', 'test', $8)
       on conflict (district_id, student_id, semester_id) do update set opt_out_from = excluded.opt_out_from, opted_out_at = null`,
      [d, school, k.class_id, k.id, semesterId, planId, parentUser, k === kids.D ? '2026-12-21' : null],
    );
  }
  // A and C take the provider's club; C is on leave 17–19 November; E is flagged 困难 in the student record
  for (const k of [kids.A, kids.C])
    await q(
      `insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, status, position, chosen_by, seated_at)
       values ($1, $2, $3, $4, $5, 'enrolled', 1, $6, '2026-09-01T01:00:00Z')`,
      [d, school, k.class_id, k.id, providerCourse, parentUser],
    );
  await q(
    `insert into after_school_leaves (district_id, school_id, class_id, student_id, from_date, to_date, reason, requested_by) values ($1, $2, $3, $4, '2026-12-15', '2026-12-17', '生病', $5)`,
    [d, school, kids.C.class_id, kids.C.id, parentUser],
  );
  const hardship = sealSensitive({ ...NO_SENSITIVE, hardship: true });
  await q(
    `insert into student_sensitive (district_id, student_id, special, data) values ($1, $2, $3, $4)
     on conflict (district_id, student_id) do update set special = excluded.special, data = excluded.data`,
    [d, kids.E.id, hardship.special, hardship.data],
  );
  for (const [date, status] of [['2026-12-02', 'held'], ['2026-12-09', 'cancelled'], ['2026-12-16', 'held'], ['2026-12-23', 'held']] as const)
    await q(
      `insert into after_school_sessions (district_id, school_id, course_id, date, status, minutes, teacher_ids) values ($1, $2, $3, $4, $5, 60, $6::uuid[])`,
      [d, school, providerCourse, date, status, [teachers[1]]],
    );
  for (const date of ['2026-12-01', '2026-12-02', '2026-12-03'])
    await q(
      `insert into after_school_sessions (district_id, school_id, course_id, date, status, minutes, teacher_ids) values ($1, $2, $3, $4, 'held', 90, $5::uuid[])`,
      [d, school, courses[0]!.id, date, [teachers[0]]],
    );
  const days = await call(w.app, principal, 'GET', `/api/calendar/days?schoolId=${school}&from=2026-12-01&to=2026-12-31`);
  closed = new Set(days.body.filter((x: { schoolDay: boolean; date: string }) => !x.schoolDay).map((x: { date: string }) => x.date));
});
afterAll(() => w.close());

const weekdaysOfMonth = Array.from({ length: 31 }, (_, i) => `2026-12-${String(i + 1).padStart(2, '0')}`).filter((x) => {
  const day = new Date(`${x}T00:00:00Z`).getUTCDay();
  return day >= 1 && day <= 5;
});

describe('after-school money', () => {
  it('lists a child on the waiver list; an unknown category or another school is refused', async () => {
    const ok = await call(w.app, principal, 'POST', '/api/after-school/money/waivers', { schoolId: school, studentId: kids.B.id, category: 'low_income' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ shareBp: 10000, source: 'list' });
    const again = await call(w.app, principal, 'POST', '/api/after-school/money/waivers', { schoolId: school, studentId: kids.B.id, category: 'low_income' });
    expect(again.status).toBe(409);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/waivers', { schoolId: school, studentId: kids.B.id, category: 'nobody_has' })).status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/waivers', { schoolId: otherSchool, studentId: kids.B.id, category: 'low_income' })).status).toBe(404);
    const list = await call(w.app, principal, 'GET', `/api/after-school/money/waivers?schoolId=${school}`);
    expect(list.body.waivers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ studentId: kids.B.id, category: 'low_income', source: 'list' }),
        expect.objectContaining({ studentId: kids.E.id, category: 'low_income', source: 'flag' }),
      ]),
    );
  });

  it('generates the month: fee, waivers, refunds by rule, pass-through per lesson; the ledger and the rollup agree', async () => {
    const res = await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: MONTH });
    expect(res.status).toBe(200);
    expect(res.body.generated).toBeGreaterThanOrEqual(5);

    const days = weekdaysOfMonth.length;
    const a = await bill(kids.A.id);
    expect(a.feeFen).toBe(FEE);
    expect(a.detail.closed).toBeGreaterThanOrEqual(weekdaysOfMonth.filter((x) => closed.has(x)).length);
    expect(a.refundFen).toBe(prorate(fen(FEE), a.detail.closed + a.detail.leave + a.detail.optedOut, days, 'half-up'));
    expect(a.detail.courses).toEqual(expect.arrayContaining([expect.objectContaining({ courseId: providerCourse, lessons: 3, amountFen: 3 * PRICE })]));
    const aCourses = a.detail.courses.reduce((t: number, c: { amountFen: number }) => t + c.amountFen, 0);
    expect(a.dueFen).toBe(FEE - a.waiverFen - a.refundFen + aCourses);

    const b = await bill(kids.B.id);
    expect(b).toMatchObject({ waiverFen: FEE, waiverCategory: 'low_income', refundFen: 0, dueFen: 0 });
    const e = await bill(kids.E.id);
    expect(e).toMatchObject({ waiverFen: FEE, waiverCategory: 'low_income' });

    const c = await bill(kids.C.id);
    // 9 December: C's only session that day was cancelled, a closure for C
    expect(c.detail.closed).toBe(weekdaysOfMonth.filter((x) => closed.has(x) || x === '2026-12-09').length);
    const leave = ['2026-12-15', '2026-12-16', '2026-12-17'].filter((x) => !closed.has(x)).length;
    expect(c.detail.leave).toBe(leave);
    expect(c.refundFen).toBe(prorate(fen(FEE), c.detail.closed + leave, days, 'half-up'));
    // 16 December held, but C was on leave: 2 lessons
    expect(c.detail.courses).toEqual([expect.objectContaining({ lessons: 2, amountFen: 2 * PRICE })]);
    expect(c.dueFen).toBe(FEE - c.refundFen + 2 * PRICE);

    const dd = await bill(kids.D.id);
    const after = weekdaysOfMonth.filter((x) => x >= '2026-12-21' && !closed.has(x)).length;
    expect(dd.detail.optedOut).toBe(after);
    expect(dd.refundFen).toBe(prorate(fen(FEE), after + dd.detail.closed, days, 'half-up'));

    const [ledger] = await q<{ n: string }>(
      `select count(*) as n from after_school_bills b where b.district_id = $1 and b.school_id = $2 and b.month = $3
       and b.due_fen <> (select coalesce(sum(amount_fen), 0) from after_school_charges c where c.district_id = b.district_id and c.bill_id = b.id)`,
      [d, school, MONTH],
    );
    expect(Number(ledger!.n)).toBe(0);
    const [stats] = await q<{ fees_due_fen: string; waivers_fen: string; refunds_fen: string; due: string }>(
      `select s.fees_due_fen, s.waivers_fen, s.refunds_fen, (select sum(due_fen) from after_school_bills b where b.district_id = s.district_id and b.school_id = s.school_id and b.semester_id = s.semester_id) as due
       from after_school_school_stats s where s.district_id = $1 and s.school_id = $2 and s.semester_id = $3`,
      [d, school, semesterId],
    );
    expect(Number(stats!.fees_due_fen)).toBe(Number(stats!.due));
    expect(Number(stats!.waivers_fen)).toBeGreaterThanOrEqual(2 * FEE);
    await expect(q(`update after_school_charges set amount_fen = 0 where district_id = $1`, [d])).rejects.toThrow(/append-only|permission denied/);

    // the same month again with nothing changed: every bill unchanged, the ledger untouched
    const [{ n: ledgerBefore }] = (await q<{ n: string }>(`select count(*) as n from after_school_charges where district_id = $1`, [d])) as [{ n: string }];
    const again = await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: MONTH });
    expect(again.body).toMatchObject({ generated: 0, replaced: 0, unchanged: res.body.generated });
    const [{ n: ledgerAfter }] = (await q<{ n: string }>(`select count(*) as n from after_school_charges where district_id = $1`, [d])) as [{ n: string }];
    expect(ledgerAfter).toBe(ledgerBefore);
  });

  it('records a payment once under one Idempotency-Key; regeneration keeps a bill with a payment on it', async () => {
    const payload = { schoolId: school, studentId: kids.D.id, amountFen: 5000, paidOn: '2026-12-05', payer: '家长', remark: '十二月课后服务' };
    const send = () => w.app.inject({ method: 'POST', url: '/api/after-school/money/payments', payload, headers: { cookie: principal, 'idempotency-key': 'money-test-0001' } });
    const first = await send();
    const second = await send();
    expect(first.statusCode).toBe(200);
    expect(second.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().id).toBe(first.json().id);
    expect((await q(`select id from after_school_payments where district_id = $1 and student_id = $2`, [d, kids.D.id])).length).toBe(1);
    const before = await bill(kids.D.id);
    expect(before).toMatchObject({ paidFen: 5000, status: 'partly_paid' });

    await q(
      `insert into after_school_leaves (district_id, school_id, class_id, student_id, from_date, to_date, reason, requested_by) values ($1, $2, $3, $4, '2026-12-07', '2026-12-11', '探亲', $5)`,
      [d, school, kids.D.class_id, kids.D.id, teachers[0]],
    );
    await q(`delete from after_school_waivers where district_id = $1 and student_id = $2`, [d, kids.B.id]);
    const again = await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: MONTH });
    expect(again.body.kept).toBeGreaterThanOrEqual(1);
    expect(await bill(kids.D.id)).toMatchObject({ dueFen: before.dueFen, refundFen: before.refundFen, paidFen: 5000 });
    const b = await bill(kids.B.id);
    expect(b).toMatchObject({ waiverFen: 0, dueFen: FEE - b.refundFen });
    const reversals = await q(`select 1 from after_school_charges where district_id = $1 and student_id = $2 and amount_fen > 0 and kind = 'waiver'`, [d, kids.B.id]);
    expect(reversals.length).toBe(1);
  });

  it('imports a bank export: matched by number or name and class, the rest listed; the same file twice records nothing twice', async () => {
    const csv = [
      '交易时间,金额,付款人,备注,流水号',
      `2026-12-21 09:10:00,"1,000.00",李女士,学号${kids.C.student_no}课后服务,BK001`,
      `2026/12/22,150.5,王先生,${kids.D.class_name}${kids.D.name},BK002`,
      `20261222,88,某人,捐款,BK003`,
    ].join('\r\n');
    const res = await upload('流水.csv', Buffer.from(csv));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 3, recorded: 3, duplicates: 0, matched: 2 });
    expect(res.body.unmatched).toEqual([expect.objectContaining({ reference: 'BK003', amountFen: 8800, rowNumber: 4 })]);
    const c = await bill(kids.C.id);
    expect(c.paidFen).toBe(Math.min(100000, c.dueFen));
    expect(c.status).toBe('paid');
    const twice = await upload('流水.csv', Buffer.from(csv));
    expect(twice.body).toMatchObject({ rows: 3, recorded: 0, duplicates: 3, matched: 0, unmatched: [] });

    // the same export as .xlsx with a GBK-free header set and a new line
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('流水');
    ws.addRow(['交易日期', '交易金额', '对方户名', '摘要', '交易流水号']);
    ws.addRow(['2026-12-23', '200', '赵', `${kids.E.student_no}`, 'BK004']);
    ws.addRow(['2026-12-21', '1000.00', '李女士', `学号${kids.C.student_no}`, 'BK001']);
    const x = await upload('流水.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(x.body).toMatchObject({ rows: 2, recorded: 1, duplicates: 1, matched: 1 });

    const ofMonth = await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school}&month=${MONTH}`);
    expect(ofMonth.status).toBe(200);
    expect(ofMonth.body.items.map((p: { reference: string | null }) => p.reference)).toEqual(expect.arrayContaining(['BK001', 'BK002', 'BK003', 'BK004']));
    const unmatched = await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school}&unmatched=1`);
    expect(unmatched.body.items.map((p: { reference: string }) => p.reference)).toEqual(['BK003']);
    expect(unmatched.body.total).toBe(1);
    const m = await call(w.app, principal, 'POST', `/api/after-school/money/payments/${unmatched.body.items[0].id}/match`, { studentId: kids.B.id });
    expect(m.status).toBe(200);
    expect(m.body).toMatchObject({ studentId: kids.B.id, appliedFen: 8800 });
    expect((await bill(kids.B.id)).paidFen).toBe(8800);
    expect((await call(w.app, principal, 'POST', `/api/after-school/money/payments/${unmatched.body.items[0].id}/match`, { studentId: kids.B.id })).status).toBe(409);
  });

  it('refuses a bad file whole, naming each row and column', async () => {
    const csv = ['交易时间,金额,付款人,备注,流水号', '2026-11-21,abc,甲,x,BK100', '2026-13-01,10,乙,y,', '2026-11-21,10.005,丙,z,BK100', '2026-11-21,10,丁,z,BK101'].join('\n');
    const res = await upload('bad.csv', Buffer.from(csv));
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_INVALID');
    expect(res.body.details.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 2, column: '金额' }),
        expect.objectContaining({ row: 3, column: '交易时间' }),
        expect.objectContaining({ row: 3, column: '流水号' }),
        expect.objectContaining({ row: 4, column: '金额' }),
        expect.objectContaining({ row: 4, column: '流水号' }),
      ]),
    );
    expect((await q(`select 1 from after_school_payments where district_id = $1 and reference = 'BK101'`, [d])).length).toBe(0);
    const missing = await upload('bad.csv', Buffer.from('日期,金额\n2026-11-21,10\n'));
    expect(missing.status).toBe(400);
    expect(missing.body.message).toMatch(/缺少列/);
    expect((await upload('x.xlsx', Buffer.from('PK not a zip'))).status).toBe(400);
  });

  it('settles the month: providers per lesson, teachers by minutes, every fen accounted for; exports the statements', async () => {
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/funds', { schoolId: school, month: MONTH, kind: 'subsidy', item: '财政奖补（11月）', amountFen: 300000 })).status).toBe(200);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/funds', { schoolId: school, month: MONTH, kind: 'cost', item: '耗材', amountFen: 12345 })).status).toBe(200);
    const res = await call(w.app, principal, 'POST', '/api/after-school/money/settlement', { schoolId: school, period: MONTH });
    expect(res.status).toBe(200);
    const s = res.body;
    expect(s.version).toBe(1);
    expect(s.subsidyFen).toBe(300000);
    expect(s.costsFen).toBe(12345);
    expect(s.incomeFen).toBe(s.refundsFen + s.providersFen + s.teachersFen + s.costsFen + s.remainderFen);
    expect(s.remainderFen).toBe(0);
    expect(s.teachers.reduce((t: number, x: { amountFen: number }) => t + x.amountFen, 0)).toBe(s.teachersFen);
    const mine = s.providers.find((p: { item: string }) => p.item === '结算测试机器人');
    expect(mine).toMatchObject({ lessons: 5, amountFen: 5 * PRICE });
    expect(s.teachers).toEqual(expect.arrayContaining([expect.objectContaining({ userId: teachers[0], minutes: 270 }), expect.objectContaining({ userId: teachers[1], minutes: 180 })]));
    const again = await call(w.app, principal, 'GET', `/api/after-school/money/settlement?schoolId=${school}&period=${MONTH}`);
    expect(again.body).toMatchObject({ id: s.id, version: 1 });
    const file = await w.app.inject({ method: 'GET', url: `/api/after-school/money/settlement/export?schoolId=${school}&period=${MONTH}`, headers: { cookie: principal } });
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((x) => x.name)).toEqual(['汇总', '教师', '机构']);
    expect(wb.getWorksheet('教师')!.rowCount).toBe(s.teachers.length + 2);
    const bills = await w.app.inject({ method: 'GET', url: `/api/after-school/money/bills/export?schoolId=${school}&month=${MONTH}`, headers: { cookie: principal } });
    expect(bills.statusCode).toBe(200);
  });

  it('shows the parent their own child only', async () => {
    const parent = await w.login('demo-parent');
    const mine = await call(w.app, parent, 'GET', `/api/after-school/money/child?studentId=${kids.A.id}`);
    expect(mine.status).toBe(200);
    expect(mine.body.bills.map((b: { month: string }) => b.month)).toContain(MONTH);
    expect(mine.body.owedFen).toBe(mine.body.bills.reduce((t: number, b: { dueFen: number; paidFen: number }) => t + b.dueFen - b.paidFen, 0));
    const d2 = await w.login('demo-principal');
    expect((await call(w.app, d2, 'GET', `/api/after-school/money/child?studentId=${kids.A.id}`)).status).toBe(403);
    expect((await call(w.app, parent, 'GET', `/api/after-school/money/child?studentId=${kids.B.id}`)).status).toBe(404);
    expect((await call(w.app, parent, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: MONTH })).status).toBe(403);
    expect((await call(w.app, parent, 'GET', `/api/after-school/money/bills?schoolId=${school}&month=${MONTH}`)).status).toBe(403);
  });

  it('refuses another school, another district and bad input', async () => {
    expect((await call(w.app, principal, 'GET', `/api/after-school/money/bills?schoolId=${otherSchool}&month=${MONTH}`)).status).toBe(404);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/payments', { schoolId: otherSchool, studentId: kids.A.id, amountFen: 100, paidOn: '2026-11-20' })).status).toBe(404);
    const [foreign] = await q<{ id: string }>(`select s.id from students s join districts x on x.id = s.district_id where x.code <> 'demo' limit 1`);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/payments', { schoolId: school, studentId: foreign!.id, amountFen: 100, paidOn: '2026-11-20' })).status).toBe(404);
    const teacher = await w.login('demo-teacher');
    expect((await call(w.app, teacher, 'POST', '/api/after-school/money/settlement', { schoolId: school, period: MONTH })).status).toBe(403);
    for (const body of [
      { schoolId: school, studentId: kids.A.id, amountFen: 12.5, paidOn: '2026-11-20' },
      { schoolId: school, studentId: kids.A.id, amountFen: -100, paidOn: '2026-11-20' },
      { schoolId: school, studentId: kids.A.id, amountFen: 100, paidOn: '2026-11-31' },
    ])
      expect((await call(w.app, principal, 'POST', '/api/after-school/money/payments', body)).status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: '2026-13' })).status).toBe(400);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: '2031-07' })).status).toBe(422);
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/settlement', { schoolId: school, period: '2026-03' })).status).toBe(400);
    const dup = await call(w.app, principal, 'POST', '/api/after-school/money/payments', { schoolId: school, studentId: kids.A.id, amountFen: 100, paidOn: '2026-11-20', reference: 'BK001' });
    expect(dup.status).toBe(409);
  });

  it('reverses a payment recorded by mistake: exactly what it put on the bills comes off, once, audited, the settlement left to redo', async () => {
    const NOV = '2026-11';
    expect((await call(w.app, principal, 'POST', '/api/after-school/money/bills/generate', { schoolId: school, month: NOV })).status).toBe(200);
    const nov = (await call(w.app, principal, 'GET', `/api/after-school/money/bills?schoolId=${school}&month=${NOV}`)).body.bills.find((b: { studentId: string }) => b.studentId === kids.A.id);
    const dec0 = await bill(kids.A.id);
    expect(nov).toMatchObject({ paidFen: 0 });
    expect(dec0).toMatchObject({ paidFen: 0 });
    const record = async (amountFen: number, paidOn: string) =>
      (await call(w.app, principal, 'POST', '/api/after-school/money/payments', { schoolId: school, studentId: kids.A.id, amountFen, paidOn, remark: '手工登记' })).body;
    // the mistake: November in full and 10 yuan of December; then the right 30 yuan on December
    const wrong = await record(nov.dueFen + 1000, '2026-11-10');
    const right = await record(3000, '2026-12-02');
    expect(await bill(kids.A.id)).toMatchObject({ paidFen: 4000, status: 'partly_paid' });
    const paidSum = async () =>
      Number((await q<{ s: string }>(`select sum(paid_fen) as s from after_school_bills where district_id = $1 and school_id = $2 and semester_id = $3`, [d, school, semesterId]))[0]!.s);
    const statsPaid = async () =>
      Number((await q<{ p: string }>(`select fees_paid_fen as p from after_school_school_stats where district_id = $1 and school_id = $2 and semester_id = $3`, [d, school, semesterId]))[0]!.p);
    const before = await paidSum();
    expect(await statsPaid()).toBe(before);
    // December settled with both payments on it (version 2: the first was saved before them)
    const settled = (await call(w.app, principal, 'POST', '/api/after-school/money/settlement', { schoolId: school, period: MONTH })).body;
    expect(settled.version).toBe(2);

    const res = await call(w.app, principal, 'POST', `/api/after-school/money/payments/${wrong.id}/reverse`, { reason: '重复登记' });
    expect(res.status).toBe(200);
    expect(res.body.payment).toMatchObject({ id: wrong.id, amountFen: nov.dueFen + 1000, studentId: kids.A.id, appliedFen: 0, reversal: { reason: '重复登记', undoneFen: nov.dueFen + 1000 } });
    expect(res.body.bills).toEqual([
      expect.objectContaining({ month: NOV, undoneFen: nov.dueFen, paidFen: 0, status: 'unpaid' }),
      expect.objectContaining({ month: MONTH, undoneFen: 1000, paidFen: 3000, status: 'partly_paid' }),
    ]);
    // December was settled: its saved figures stay as they were, the answer says to settle it again
    expect(res.body.resettle).toEqual([{ period: MONTH, version: 2 }]);
    // the right payment stays on December (undone exactly, not re-spread over November)
    expect(await bill(kids.A.id)).toMatchObject({ paidFen: 3000, status: 'partly_paid' });
    const [rightRow] = await q<{ applied_fen: string }>(`select applied_fen from after_school_payments where district_id = $1 and id = $2`, [d, right.id]);
    expect(Number(rightRow!.applied_fen)).toBe(3000);
    expect(await paidSum()).toBe(before - nov.dueFen - 1000);
    expect(await statsPaid()).toBe(before - nov.dueFen - 1000);
    const [drift] = await q<{ n: string }>(
      `select count(*) as n from after_school_bills b where b.district_id = $1 and b.school_id = $2
       and b.paid_fen <> (select coalesce(sum(a.amount_fen), 0) from after_school_payment_allocations a where a.district_id = b.district_id and a.bill_id = b.id)`,
      [d, school],
    );
    expect(Number(drift!.n)).toBe(0);
    const audits = await q<{ action: string }>(`select action from audit_log where entity_id = $1 order by at`, [wrong.id]);
    expect(audits.map((a) => a.action)).toContain('after-school.payment.reverse');
    await expect(q(`delete from after_school_payment_reversals where district_id = $1`, [d])).rejects.toThrow(/append-only|permission denied/);

    const again = await call(w.app, principal, 'POST', `/api/after-school/money/payments/${wrong.id}/reverse`, { reason: '再冲一次' });
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/已于 2026-\d\d-\d\d 由.+冲正（原因：重复登记），不能再次冲正/);
    expect(await bill(kids.A.id)).toMatchObject({ paidFen: 3000 });

    const listed = (await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school}&month=${NOV}`)).body.items;
    expect(listed.find((p: { id: string }) => p.id === wrong.id).reversal).toMatchObject({ reason: '重复登记', reversedBy: expect.any(String) });
    const parent = await w.login('demo-parent');
    const family = (await call(w.app, parent, 'GET', `/api/after-school/money/child?studentId=${kids.A.id}`)).body;
    expect(family.payments.find((p: { id: string }) => p.id === wrong.id).reversal).toMatchObject({ reason: '重复登记' });
    expect(family.payments.find((p: { id: string }) => p.id === right.id).reversal).toBeNull();
    expect(family.bills.find((b: { month: string }) => b.month === NOV)).toMatchObject({ paidFen: 0, status: 'unpaid' });
    const told = await q(`select 1 from notifications n join guardians g on g.district_id = n.district_id and g.user_id = n.user_id where n.district_id = $1 and n.title = '课后服务缴费登记已冲正'`, [d]);
    expect(told.length).toBeGreaterThan(0);

    const still = (await call(w.app, principal, 'GET', `/api/after-school/money/settlement?schoolId=${school}&period=${MONTH}`)).body;
    expect(still).toMatchObject({ id: settled.id, version: 2, feesPaidFen: settled.feesPaidFen });
    expect(still.reversedSince).toEqual([expect.objectContaining({ paymentId: wrong.id, reason: '重复登记', undoneFen: nov.dueFen + 1000 })]);
    const v3 = (await call(w.app, principal, 'POST', '/api/after-school/money/settlement', { schoolId: school, period: MONTH })).body;
    expect(v3).toMatchObject({ version: 3, feesPaidFen: settled.feesPaidFen - 1000 });
    expect(v3.incomeFen).toBe(v3.refundsFen + v3.providersFen + v3.teachersFen + v3.costsFen + v3.remainderFen);
    expect((await call(w.app, principal, 'GET', `/api/after-school/money/settlement?schoolId=${school}&period=${MONTH}`)).body).toMatchObject({ version: 3, reversedSince: [] });
  });

  it('refuses a reversal of another school\'s payment, by a parent, without a reason; a reversed line is not matched', async () => {
    const [{ id: foreign }] = (await q<{ id: string }>(
      `insert into after_school_payments (district_id, school_id, amount_fen, paid_on, source, recorded_by) values ($1, $2, 500, '2026-12-01', 'manual', (select id from users where username = 'demo-principal')) returning id`,
      [d, otherSchool],
    )) as [{ id: string }];
    expect((await call(w.app, principal, 'POST', `/api/after-school/money/payments/${foreign}/reverse`, { reason: '不是本校的' })).status).toBe(404);
    const [{ id: mine }] = (await q<{ id: string }>(`select id from after_school_payments where district_id = $1 and reference = 'BK004'`, [d])) as [{ id: string }];
    const parent = await w.login('demo-parent');
    expect((await call(w.app, parent, 'POST', `/api/after-school/money/payments/${mine}/reverse`, { reason: '家长试试' })).status).toBe(403);
    expect((await call(w.app, await w.login('demo-teacher'), 'POST', `/api/after-school/money/payments/${mine}/reverse`, { reason: '老师试试' })).status).toBe(403);
    for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 'x'.repeat(201) }]) {
      const res = await call(w.app, principal, 'POST', `/api/after-school/money/payments/${mine}/reverse`, body);
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/原因|reason/);
    }
    expect((await q(`select 1 from after_school_payment_reversals where district_id = $1 and payment_id = $2`, [d, mine])).length).toBe(0);

    // an unmatched line (not a payment for the service) reversed: off the list to match, and never matched later
    const csv = ['交易时间,金额,付款人,备注,流水号', '2026-12-24,66,某单位,会务费,BK900'].join('\n');
    const line = (await upload('误入.csv', Buffer.from(csv))).body.unmatched[0];
    const rev = await call(w.app, principal, 'POST', `/api/after-school/money/payments/${line.id}/reverse`, { reason: '不是课后服务缴费' });
    expect(rev.status).toBe(200);
    expect(rev.body).toMatchObject({ bills: [], resettle: [], payment: { studentId: null, reversal: { undoneFen: 0 } } });
    const open = (await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school}&unmatched=1`)).body.items;
    expect(open.map((p: { id: string }) => p.id)).not.toContain(line.id);
    expect((await call(w.app, principal, 'POST', `/api/after-school/money/payments/${line.id}/match`, { studentId: kids.B.id })).status).toBe(409);
  });

  it('gives an import template whose columns the import reads, with a 填写说明 sheet', async () => {
    const res = await w.app.inject({ method: 'GET', url: `/api/after-school/money/payments/template?schoolId=${school}`, headers: { cookie: principal } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['交易时间', '金额', '付款人', '备注', '流水号']);
    expect(wb.getWorksheet('填写说明')!.rowCount).toBeGreaterThan(2);
    expect(sheet.rowCount).toBe(1);
    const empty = await upload('模板.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/没有数据行/);

    sheet.addRow(['2026-12-28 08:30:00', '45.60', '模板家长', `${kids.C.student_no} 课后服务费`, 'TPL0001']);
    sheet.addRow(['2026/12/29', '10', '', `${kids.C.class_name}${kids.C.name}`, 'TPL0002']);
    const filled = await upload('模板.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(filled.status).toBe(200);
    expect(filled.body).toMatchObject({ rows: 2, recorded: 2, matched: 2, unmatched: [] });
    const rows = await q<{ amount_fen: string; paid_on: string; student_id: string }>(`select amount_fen, paid_on::text, student_id from after_school_payments where district_id = $1 and reference like 'TPL%' order by reference`, [d]);
    expect(rows.map((r) => [Number(r.amount_fen), r.paid_on, r.student_id])).toEqual([
      [4560, '2026-12-28', kids.C.id],
      [1000, '2026-12-29', kids.C.id],
    ]);
    expect((await w.app.inject({ method: 'GET', url: `/api/after-school/money/payments/template?schoolId=${otherSchool}`, headers: { cookie: principal } })).statusCode).toBe(404);
    expect((await w.app.inject({ method: 'GET', url: `/api/after-school/money/payments/template?schoolId=${school}`, headers: { cookie: await w.login('demo-parent') } })).statusCode).toBe(403);
  });
});
