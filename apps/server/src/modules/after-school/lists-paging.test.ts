/**
 * The after-school lists that grow with a school's history come a page at a time with the count of all: payments
 * (a month's, the unmatched lines), leaves, sign-outs, and a survey's text answers. Each is checked against a hand
 * count in SQL: every page once in a stable order (rows inserted at one instant are settled by the id), the filters,
 * past the last page, bad page parameters, and the refusals (another school's staff, another district).
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { hashPassword } from '../../platform/auth/password';

const TODAY = '2026-11-26'; // the test clock's date in Asia/Shanghai
const MONTH_AGO = '2026-10-27'; // the lists' default span starts 30 days back
let w: World;
let d: string;
let school: string;
let otherSchool: string;
let principal: string; // demo-principal, 示范区实验小学
let otherPrincipal: string; // a school_admin of another school of the demo district (made here)
const q = async <T = Record<string, unknown>>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
type Page<T = { id: string }> = { items: T[]; total: number };

async function get<T = { id: string }>(cookie: string, url: string): Promise<Page<T>> {
  const res = await call(w.app, cookie, 'GET', url);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body as Page<T>;
}
/** Walks every page of `size` and checks each carries the same total; answers the ids seen in order. */
async function walk(cookie: string, url: string, size: number, expected: string[], idOf: (x: never) => string = (x: { id: string }) => x.id) {
  const seen: string[] = [];
  for (let page = 1; ; page++) {
    const got = await get<never>(cookie, `${url}${url.includes('?') ? '&' : '?'}pageSize=${size}&page=${page}`);
    expect(got.total, `${url} page ${page}`).toBe(expected.length);
    if (!got.items.length) break;
    expect(got.items.length).toBeLessThanOrEqual(size);
    seen.push(...got.items.map(idOf));
  }
  expect(seen).toEqual(expected);
}

beforeAll(async () => {
  w = await createWorld({ afterSchool: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  [{ id: school }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code = 'SY01'`, [d])) as [{ id: string }];
  [{ id: otherSchool }] = (await q<{ id: string }>(`select id from schools where district_id = $1 and code <> 'SY01' order by code limit 1`, [d])) as [{ id: string }];
  const [u] = await q<{ id: string }>(
    `insert into users (district_id, username, name, password_hash, must_change_password) values ($1, 'paging-other-principal', '他校校长', $2, false) returning id`,
    [d, await hashPassword('Demo#2026')],
  );
  await q(`insert into role_assignments (district_id, user_id, role, school_id) values ($1, $2, 'school_admin', $3)`, [d, u!.id, otherSchool]);
  await w.exemptFromSecondFactor('paging-other-principal');
  principal = await w.login('demo-principal');
  otherPrincipal = await w.login('paging-other-principal');
}, 300_000);
afterAll(() => w.close());

describe('payments (缴费记录)', () => {
  const MONTH = '2026-10';
  /** The school's payments by a condition, in the list's order. */
  const byHand = async (where: string, params: unknown[] = []) =>
    ids(
      await q<{ id: string }>(
        `select id from after_school_payments p where district_id = $1 and school_id = $2 and (${where})
         order by paid_on desc, created_at desc, row_number asc, id desc`,
        [d, school, ...params],
      ),
    );
  const unmatched = `student_id is null and not exists (select 1 from after_school_payment_reversals r where r.district_id = p.district_id and r.payment_id = p.id)`;

  beforeAll(async () => {
    // 25 payments paid the same day and recorded at one instant (the id orders them), 6 of them unmatched
    const [{ id: by }] = (await q<{ id: string }>(`select id from users where username = 'demo-principal'`)) as [{ id: string }];
    const kids = await q<{ id: string }>(`select id from students where district_id = $1 and school_id = $2 and status = 'active' order by student_no limit 19`, [d, school]);
    for (let i = 0; i < 25; i++)
      await q(
        `insert into after_school_payments (district_id, school_id, student_id, amount_fen, paid_on, payer, reference, source, recorded_by, created_at)
         values ($1, $2, $3, $4, '2026-10-15', '分页测试', $5, 'manual', $6, '2026-10-15T08:00:00Z')`,
        [d, school, i < 19 ? kids[i]!.id : null, 1000 + i, `PAGING-${i}`, by],
      );
  });

  it('pages through a month once, newest first with the id settling ties, and counts every payment', async () => {
    const expected = await byHand(`paid_on between '2026-10-01' and '2026-10-31'`);
    expect(expected.length).toBeGreaterThanOrEqual(25);
    await walk(principal, `/api/after-school/money/payments?schoolId=${school}&month=${MONTH}`, 7, expected);
    const second = await get(principal, `/api/after-school/money/payments?schoolId=${school}&month=${MONTH}&pageSize=7&page=2`);
    expect(ids(second.items)).toEqual(expected.slice(7, 14));
    expect(await get(principal, `/api/after-school/money/payments?schoolId=${school}&month=${MONTH}&pageSize=50&page=99`)).toEqual({ items: [], total: expected.length });
  });

  it('filters the unmatched lines (and a month) in the database', async () => {
    const open = await byHand(unmatched);
    expect(open.length).toBeGreaterThanOrEqual(6);
    await walk(principal, `/api/after-school/money/payments?schoolId=${school}&unmatched=1`, 4, open);
    const ofMonth = await get<{ id: string; studentId: string | null }>(principal, `/api/after-school/money/payments?schoolId=${school}&unmatched=1&month=${MONTH}&pageSize=500`);
    expect(ids(ofMonth.items)).toEqual(await byHand(`${unmatched} and paid_on between '2026-10-01' and '2026-10-31'`));
    expect(ofMonth.items.every((p) => p.studentId === null)).toBe(true);
    expect(ofMonth.total).toBe(6 + (await byHand(`${unmatched} and paid_on between '2026-10-01' and '2026-10-31' and payer is distinct from '分页测试'`)).length);
    // a month with none
    expect(await get(principal, `/api/after-school/money/payments?schoolId=${school}&month=2020-01`)).toEqual({ items: [], total: 0 });
  });

  it("refuses another school's principal, the district and another district", async () => {
    expect((await call(w.app, otherPrincipal, 'GET', `/api/after-school/money/payments?schoolId=${school}&month=${MONTH}`)).status).toBe(404);
    // the other school's own list holds none of these
    const theirs = await get(otherPrincipal, `/api/after-school/money/payments?schoolId=${otherSchool}&month=${MONTH}&pageSize=500`);
    expect((await byHand(`paid_on between '2026-10-01' and '2026-10-31'`)).some((id) => ids(theirs.items).includes(id))).toBe(false);
    expect((await call(w.app, await w.login('demo-district'), 'GET', `/api/after-school/money/payments?schoolId=${school}`)).status).toBe(403);
    expect((await call(w.app, await w.login('other-admin'), 'GET', `/api/after-school/money/payments?schoolId=${school}`)).status).toBe(403);
  });

  it('refuses bad page parameters with 400 naming the field', async () => {
    for (const [query, field] of [
      ['page=0', '页码（page）'],
      ['page=x', '页码（page）'],
      ['pageSize=0', '每页条数（pageSize）'],
      ['pageSize=501', '每页条数（pageSize）'],
    ]) {
      const res = await call(w.app, principal, 'GET', `/api/after-school/money/payments?schoolId=${school}&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message).toContain(field);
    }
  });
});

describe('leaves (请假) and sign-outs (接送)', () => {
  let kids: { id: string; class_id: string }[];
  const leavesByHand = async (where: string, params: unknown[] = []) =>
    ids(
      await q<{ id: string }>(
        `select id from after_school_leaves where district_id = $1 and school_id = $2 and (${where}) order by from_date desc, requested_at desc, id desc`,
        [d, school, ...params],
      ),
    );
  const pickupsByHand = async (where: string, params: unknown[] = []) =>
    ids(
      await q<{ id: string }>(`select id from after_school_pickups where district_id = $1 and school_id = $2 and (${where}) order by date desc, collected_at desc, id desc`, [
        d,
        school,
        ...params,
      ]),
    );

  beforeAll(async () => {
    // 14 leaves and 14 sign-outs of one day, each written at one instant (the id orders them)
    const [{ id: parent }] = (await q<{ id: string }>(`select id from users where username = 'demo-parent'`)) as [{ id: string }];
    kids = await q(`select id, class_id from students where district_id = $1 and school_id = $2 and status = 'active' order by student_no desc limit 14`, [d, school]);
    for (const k of kids) {
      await q(
        `insert into after_school_leaves (district_id, school_id, class_id, student_id, from_date, to_date, reason, requested_by, requested_at)
         values ($1, $2, $3, $4, '2026-11-20', '2026-11-20', '分页测试', $5, '2026-11-19T08:00:00Z')`,
        [d, school, k.class_id, k.id, parent],
      );
      await q(
        `insert into after_school_pickups (district_id, school_id, student_id, date, collector_name, relation, collected_at, recorded_by)
         values ($1, $2, $3, '2026-11-18', '分页测试', '奶奶', '2026-11-18T09:40:00Z', $4) on conflict do nothing`,
        [d, school, k.id, parent],
      );
    }
  });

  it('pages through the school’s leaves once, newest first with the id settling ties', async () => {
    const expected = await leavesByHand(`to_date >= $3`, [MONTH_AGO]);
    expect(expected.length).toBeGreaterThan(14);
    await walk(principal, '/api/after-school/daily/leaves', 6, expected);
    const second = await get(principal, '/api/after-school/daily/leaves?pageSize=6&page=2');
    expect(ids(second.items)).toEqual(expected.slice(6, 12));
    expect(await get(principal, '/api/after-school/daily/leaves?pageSize=50&page=99')).toEqual({ items: [], total: expected.length });
  });

  it('filters leaves by child and by days in the database', async () => {
    const one = await get<{ id: string; studentId: string }>(principal, `/api/after-school/daily/leaves?studentId=${kids[0]!.id}`);
    expect(ids(one.items)).toEqual(await leavesByHand(`student_id = $3 and to_date >= $4`, [kids[0]!.id, MONTH_AGO]));
    expect(one.items.every((l) => l.studentId === kids[0]!.id)).toBe(true);
    const span = await get(principal, '/api/after-school/daily/leaves?from=2026-11-20&to=2026-11-20&pageSize=500');
    const expected = await leavesByHand(`to_date >= '2026-11-20' and from_date <= '2026-11-20'`);
    expect(ids(span.items)).toEqual(expected);
    expect(span.total).toBe(expected.length);
    expect(expected.length).toBeGreaterThanOrEqual(14);
    await walk(principal, '/api/after-school/daily/leaves?from=2026-09-01', 25, await leavesByHand(`to_date >= '2026-09-01'`));
  });

  it('pages through the sign-outs once and filters them by day and child', async () => {
    const expected = await pickupsByHand(`date between $3 and $4`, [MONTH_AGO, TODAY]);
    expect(expected.length).toBeGreaterThan(14);
    await walk(principal, '/api/after-school/daily/pickups', 40, expected);
    const day = '2026-11-18';
    const ofDay = await pickupsByHand(`date = $3`, [day]);
    await walk(principal, `/api/after-school/daily/pickups?date=${day}`, 5, ofDay);
    expect(ofDay.length).toBeGreaterThanOrEqual(14);
    const second = await get(principal, `/api/after-school/daily/pickups?date=${day}&pageSize=5&page=2`);
    expect(ids(second.items)).toEqual(ofDay.slice(5, 10));
    const child = await get(principal, `/api/after-school/daily/pickups?date=${day}&studentId=${kids[3]!.id}`);
    expect(child).toMatchObject({ total: 1, items: [{ studentId: kids[3]!.id, collectorName: '分页测试' }] });
  });

  it("another school's principal and another district see none of it; a family only its own", async () => {
    for (const url of ['/api/after-school/daily/leaves?from=2026-09-01&pageSize=500', '/api/after-school/daily/pickups?date=2026-11-18&pageSize=500']) {
      const theirs = await get(otherPrincipal, url);
      const ours = new Set(ids((await get(principal, url)).items));
      expect(theirs.items.some((x) => ours.has(x.id)), url).toBe(false);
      expect(await get(await w.login('other-teacher'), url)).toEqual({ items: [], total: 0 });
      expect((await call(w.app, await w.login('other-admin'), 'GET', url)).status).toBe(403);
      expect(await get(await w.login('other-parent'), url)).toEqual({ items: [], total: 0 });
    }
    const parent = await w.login('demo-parent');
    const own = new Set((await call(w.app, parent, 'GET', '/api/me')).body.children.map((c: { id: string }) => c.id));
    for (const url of ['/api/after-school/daily/leaves?from=2026-09-01&pageSize=500', '/api/after-school/daily/pickups?pageSize=500']) {
      const family = await get<{ studentId: string }>(parent, url);
      expect(family.items.every((x) => own.has(x.studentId)), url).toBe(true);
      expect(family.total).toBe(family.items.length);
    }
  });

  it('refuses bad page parameters with 400 naming the field', async () => {
    for (const url of ['/api/after-school/daily/leaves', '/api/after-school/daily/pickups'])
      for (const [query, field] of [
        ['page=0', '页码（page）'],
        ['pageSize=501', '每页条数（pageSize）'],
      ]) {
        const res = await call(w.app, principal, 'GET', `${url}?${query}`);
        expect(res.status, `${url}?${query}`).toBe(400);
        expect(res.body.message).toContain(field);
      }
  });
});

describe('a survey’s text answers (调查结果的文字回答)', () => {
  let id: string;
  const TEXT = 3; // the question's position
  const questions = [
    { kind: 'rating', text: '总体满意度', satisfaction: true },
    { kind: 'single', text: '时长是否合适', options: ['合适', '偏长'] },
    { kind: 'multiple', text: '希望增加', options: ['体育', '艺术'] },
    { kind: 'text', text: '其他意见和建议', required: false },
  ];
  /** Text answers of the survey by a condition, in the id order the pages follow. */
  const textsByHand = async (where: string, params: unknown[] = []) =>
    (
      await q<{ t: string }>(`select answers->3->>'text' as t from after_school_survey_answers where survey_id = $1 and coalesce(answers->3->>'text', '') <> '' and (${where}) order by id`, [
        id,
        ...params,
      ])
    ).map((r) => r.t);
  const texts = (cookie: string, query: string) => get<string>(cookie, `/api/after-school/surveys/${id}/texts?question=${TEXT}&${query}`);

  beforeAll(async () => {
    const district = await w.login('demo-district');
    const created = await call(w.app, district, 'POST', '/api/after-school/surveys', {
      title: '分页测试调查',
      intro: null,
      schoolId: null,
      audience: { schoolIds: [school, otherSchool], grades: [], courseIds: [] },
      opensOn: TODAY,
      closesOn: '2026-12-03',
      questions,
    });
    expect(created.status).toBe(200);
    id = created.body.id;
    expect((await call(w.app, district, 'POST', `/api/after-school/surveys/${id}/send`)).status).toBe(200);
    const sheet = (text: string | null) => JSON.stringify([{ rating: 4 }, { choice: 0 }, { choices: [0] }, text === null ? null : { text }]);
    const add = (schoolId: string, grade: number, text: string | null) =>
      q(`insert into after_school_survey_answers (district_id, survey_id, school_id, grade, course_id, answers) values ($1, $2, $3, $4, null, $5::jsonb)`, [d, id, schoolId, grade, sheet(text)]);
    // the demo school: 23 third-grade sheets (20 with a text), 2 fifth-grade ones (a group under the minimum of 5)
    for (let i = 1; i <= 20; i++) await add(school, 3, `三年级意见${String(i).padStart(2, '0')}`);
    for (let i = 0; i < 3; i++) await add(school, 3, null);
    for (const t of ['五年级意见甲', '五年级意见乙']) await add(school, 5, t);
    // the other school: 6 sheets with a text
    for (let i = 1; i <= 6; i++) await add(otherSchool, 3, `他校意见${i}`);
  });

  it('the results carry each text question’s first page and the count of all', async () => {
    const res = await get<never>(principal, `/api/after-school/surveys/${id}/results?groupBy=grade`);
    const results = res as unknown as { overall: { questions: { texts: string[]; textsTotal: number; answered: number }[] }; groups: { key: string; withheld: boolean; questions: { texts: string[]; textsTotal: number }[] | null }[] };
    const mine = await textsByHand(`school_id = $2`, [school]);
    expect(mine).toHaveLength(22);
    expect(results.overall.questions[TEXT]).toMatchObject({ textsTotal: 22, answered: 22, texts: mine.slice(0, 10) });
    expect(results.overall.questions[0]).toMatchObject({ textsTotal: 0, texts: [] });
    const third = results.groups.find((g) => g.key === '3')!;
    expect(third.questions![TEXT]).toMatchObject({ textsTotal: 20, texts: (await textsByHand(`school_id = $2 and grade = 3`, [school])).slice(0, 10) });
    expect(results.groups.find((g) => g.key === '5')).toMatchObject({ withheld: true, questions: null });
  });

  it('pages the rest of a group’s texts in the same order, the total right', async () => {
    // the school's principal: the whole is the school's 22 texts
    const mine = await textsByHand(`school_id = $2`, [school]);
    const first = await texts(principal, 'pageSize=10');
    const second = await texts(principal, 'pageSize=10&page=2');
    const third = await texts(principal, 'pageSize=10&page=3');
    expect([first.total, second.total, third.total]).toEqual([22, 22, 22]);
    expect([...first.items, ...second.items, ...third.items]).toEqual(mine);
    expect(third.items).toHaveLength(2);
    expect(await texts(principal, 'pageSize=10&page=9')).toEqual({ items: [], total: 22 });
    // by grade and by school
    const grade3 = await textsByHand(`school_id = $2 and grade = 3`, [school]);
    expect(await texts(principal, 'groupBy=grade&group=3&pageSize=15&page=2')).toEqual({ items: grade3.slice(15), total: 20 });
    expect(await texts(principal, `groupBy=school&group=${school}&pageSize=500`)).toEqual({ items: mine, total: 22 });
    // the district reads both schools
    const district = await w.login('demo-district');
    expect(await texts(district, 'pageSize=500')).toEqual({ items: await textsByHand('true'), total: 28 });
    expect(await texts(district, `group=${otherSchool}&pageSize=4&page=2`)).toEqual({ items: (await textsByHand(`school_id = $2`, [otherSchool])).slice(4), total: 6 });
  });

  it('refuses a withheld group, another school’s group, another district, a question that is not text, a bad group', async () => {
    const withheld = await call(w.app, principal, 'GET', `/api/after-school/surveys/${id}/texts?question=${TEXT}&groupBy=grade&group=5`);
    expect(withheld.status).toBe(403);
    expect(withheld.raw.body).not.toContain('五年级意见');
    // the other school's principal reads its own school's texts, never the demo school's
    expect(await texts(otherPrincipal, 'pageSize=500')).toEqual({ items: await textsByHand(`school_id = $2`, [otherSchool]), total: 6 });
    expect((await call(w.app, otherPrincipal, 'GET', `/api/after-school/surveys/${id}/texts?question=${TEXT}&group=${school}`)).status).toBe(403);
    expect((await call(w.app, await w.login('other-admin'), 'GET', `/api/after-school/surveys/${id}/texts?question=${TEXT}`)).status).toBe(404);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', `/api/after-school/surveys/${id}/texts?question=${TEXT}`)).status).toBe(403);
    for (const [query, field] of [
      ['question=0', '（question）'],
      ['question=29', '（question）'],
      ['question=99', '（question）'],
      [`question=${TEXT}&groupBy=grade&group=x`, '（group）'],
      [`question=${TEXT}&group=abc`, '（group）'],
      [`question=${TEXT}&page=0`, '页码（page）'],
    ]) {
      const res = await call(w.app, principal, 'GET', `/api/after-school/surveys/${id}/texts?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.message, query).toContain(field);
    }
  });

  it('the workbook holds every text answer, not the first page', async () => {
    const res = await call(w.app, principal, 'GET', `/api/after-school/surveys/${id}/results.xlsx`);
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const values = wb.getWorksheet('调查结果')!.getSheetValues().flat().map(String);
    for (const t of await textsByHand(`school_id = $2`, [school])) expect(values.filter((v) => v === t)).toHaveLength(2); // the whole and its school
    expect(values.some((v) => v.startsWith('他校意见'))).toBe(false);
  });
});
