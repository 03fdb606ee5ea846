/**
 * The findings list, page by page, every filter in the database: the overdue rule in SQL and in memory agreeing on
 * the deadline's boundary, a page boundary and the count past the last page, the most urgent first with the id as
 * tie-break, each filter against a hand count, and the refusals (another district, another institution, another
 * zone, a parent, bad input).
 */
import { RECTIFICATION_STATUSES, type RectificationStatus } from '@shuangjian/contracts';
import { and, inArray, not } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, pagedList, type World } from '../../../test/harness';
import { isOverdue, overdueSql } from './inspections.repo';
import { trainingFindings, trainingInspectionVisits } from './inspections.schema';

let w: World;
let d: string;
const inst: Record<string, { id: string; zone_id: string }> = {};
const q = async <T>(text: string, params: unknown[] = []) => (await w.db.database.query<T>(text, params)) as T[];

const TODAY = '2026-11-26'; // the test clock's day in the district
const DEADLINES = ['2026-11-25', '2026-11-26', '2026-11-27'] as const; // the day before, the day itself, the day after
const KEXUE = '小科学家科技创新中心'; // 城东, as 启明
const FEIYUE = '飞跃少儿体育俱乐部'; // 城西
const QIMING = '启明文化艺术培训学校'; // demo-institution's
const PAGED = 45;

type Item = { id: string; institutionId: string; institutionName: string; zoneId: string; description: string; status: RectificationStatus; deadline: string; visitDate: string; overdue: boolean };
type Page = { items: Item[]; total: number };
let boundary: { id: string; status: RectificationStatus; deadline: string; overdueAt: Date | null }[] = [];

const { list, all } = pagedList<Item>(() => w.app, '/api/training/inspections/findings');
/** The hand count: the district's findings by a condition written out in SQL here. */
const byHand = async (where: string, params: unknown[] = []) =>
  new Set((await q<{ id: string }>(`select id from training_findings where district_id = $1 and (${where})`, [d, ...params])).map((r) => r.id));
const ids = (p: Page) => new Set(p.items.map((f) => f.id));

/** The order, written again in memory: overdue, open, responded (by deadline, then found), closed (newest found first), id. */
const rank = (f: Item) => (f.overdue ? 0 : f.status === 'open' ? 1 : f.status === 'responded' ? 2 : 3);
function inOrder(a: Item, b: Item): boolean {
  if (rank(a) !== rank(b)) return rank(a) < rank(b);
  if (a.status !== 'closed') {
    if (a.deadline !== b.deadline) return a.deadline < b.deadline;
    if (a.visitDate !== b.visitDate) return a.visitDate < b.visitDate;
  } else if (a.visitDate !== b.visitDate) return a.visitDate > b.visitDate;
  return a.id < b.id;
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  [{ id: d }] = (await q<{ id: string }>(`select id from districts where code = 'demo'`)) as [{ id: string }];
  for (const r of await q<{ id: string; zone_id: string; name: string }>(`select id, zone_id, name from institutions where district_id = $1`, [d])) inst[r.name] = r;
  const [inspector] = await q<{ id: string; name: string }>(`select id, name from users where district_id = $1 and username = 'demo-inspector'`, [d]);
  const db = w.db.database.db;
  const visit = async (name: string, visitDate: string) =>
    (
      await db
        .insert(trainingInspectionVisits)
        .values({ districtId: d, institutionId: inst[name]!.id, institutionName: name, zoneId: inst[name]!.zone_id, inspectorId: inspector!.id, inspectorName: inspector!.name, visitDate, checklist: [], summary: '测试检查' })
        .returning({ id: trainingInspectionVisits.id })
    )[0]!.id;
  const citation = { rule: 'training.handling.rectificationDays' as const, days: 30, policyVersion: null, chosen: true };
  const base = (name: string, visitId: string, visitDate: string) => ({
    districtId: d, visitId, visitDate, institutionId: inst[name]!.id, institutionName: name, zoneId: inst[name]!.zone_id, inspectorName: inspector!.name, category: 'other' as const, severity: 'minor' as const, citation,
  });
  // one finding in each status due the day before, on and after today, marked by the job or not (the job marks open
  // ones only, but a mark stays through a response and until a new deadline, and closing leaves it on the row)
  const v1 = await visit(KEXUE, '2026-10-28');
  boundary = await db
    .insert(trainingFindings)
    .values(
      RECTIFICATION_STATUSES.flatMap((status) =>
        DEADLINES.flatMap((deadline) =>
          [null, new Date('2026-11-20T01:00:00Z')].map((overdueAt) => ({ ...base(KEXUE, v1, '2026-10-28'), description: `边界 ${status} ${deadline}${overdueAt ? ' 已标记' : ''}`, status, deadline, overdueAt })),
        ),
      ),
    )
    .returning({ id: trainingFindings.id, status: trainingFindings.status, deadline: trainingFindings.deadline, overdueAt: trainingFindings.overdueAt });
  // many at 飞跃 from two visits: deadlines and found dates repeat, so only the id tells some apart
  const [v2, v3] = [await visit(FEIYUE, '2026-11-02'), await visit(FEIYUE, '2026-11-09')];
  await db.insert(trainingFindings).values(
    Array.from({ length: PAGED }, (_, i) => ({
      ...base(FEIYUE, i % 2 ? v2! : v3!, i % 2 ? '2026-11-02' : '2026-11-09'),
      description: `分页 第 ${i + 1} 项：灭火器过期`,
      status: (['open', 'open', 'responded', 'closed'] as const)[i % 4]!,
      deadline: `2026-12-${String(1 + (i % 5)).padStart(2, '0')}`,
    })),
  );
});
afterAll(() => w?.close());

describe('overdue: one rule in SQL and in memory', () => {
  it('agree on the deadline day, the days around it, every status, marked or not', async () => {
    const t = trainingFindings;
    const inSql = async (cond: ReturnType<typeof overdueSql>) =>
      new Set((await w.db.database.db.select({ id: t.id }).from(t).where(and(inArray(t.id, boundary.map((b) => b.id)), cond))).map((r) => r.id));
    const [yes, no] = [await inSql(overdueSql(TODAY)), await inSql(not(overdueSql(TODAY)))];
    for (const b of boundary) {
      const label = `${b.status} due ${b.deadline}${b.overdueAt ? ' marked' : ''}`;
      expect(yes.has(b.id), label).toBe(isOverdue(b, TODAY));
      expect(no.has(b.id), label).toBe(!isOverdue(b, TODAY));
    }
    // by hand: every marked one not closed (6), and the unmarked open one due the day before (the job's next mark)
    const expected = boundary.filter((b) => b.status !== 'closed' && (b.overdueAt !== null || (b.status === 'open' && b.deadline === '2026-11-25')));
    expect([...yes].sort()).toEqual(expected.map((b) => b.id).sort());
    expect(yes.size).toBe(7);
  });

  it('the list filters both ways by it, marks each row by it, and the two halves make the whole', async () => {
    const district = await w.login('demo-district');
    const [yes, no, every] = (await Promise.all(['overdue=true', 'overdue=false', ''].map((f) => all(district, `q=边界&${f}`)))) as [Page, Page, Page];
    const rule = new Map(boundary.map((b) => [b.id, isOverdue(b, TODAY)]));
    expect(every.total).toBe(boundary.length);
    expect(yes.items.every((f) => f.overdue && rule.get(f.id))).toBe(true);
    expect(no.items.every((f) => !f.overdue && !rule.get(f.id))).toBe(true);
    expect(yes.total).toBe(7);
    expect(yes.total + no.total).toBe(every.total);
    // the district's figure counts the same
    const overview = await call(w.app, district, 'GET', '/api/training/inspections/overview');
    expect(overview.body.overdue).toBe((await all(district, 'overdue=true')).total);
  });
});

describe('pages, order and filters', () => {
  it('pages the findings: 20, 20, 5, then none with the total still counted; no finding on two pages', async () => {
    const district = await w.login('demo-district');
    const pages = await Promise.all([1, 2, 3, 4].map((p) => list(district, `q=分页&pageSize=20&page=${p}`)));
    expect(pages.map((p) => p.items.length)).toEqual([20, 20, 5, 0]);
    expect(pages.map((p) => p.total)).toEqual([PAGED, PAGED, PAGED, PAGED]);
    const walked = pages.flatMap((p) => p.items.map((f) => f.id));
    expect(new Set(walked).size).toBe(PAGED);
    expect(walked).toEqual((await all(district, 'q=分页')).items.map((f) => f.id));
    // the default page holds 50
    expect((await list(district, '')).items.length).toBe(Math.min(50, (await all(district, '')).total));
  });

  it('the most urgent first: overdue, waiting for the institution, for the inspector, closed; ties by id', async () => {
    const district = await w.login('demo-district');
    const every = (await all(district, '')).items;
    expect(every.length).toBeGreaterThan(PAGED + boundary.length);
    for (let i = 1; i < every.length; i++) expect(inOrder(every[i - 1]!, every[i]!), `${JSON.stringify(every[i - 1])} before ${JSON.stringify(every[i])}`).toBe(true);
    expect(every[0]!.overdue).toBe(true);
    expect(every.at(-1)!.status).toBe('closed');
    // the paged rows repeat deadline and found date: the id alone orders some of them
    const paged = every.filter((f) => f.description.startsWith('分页') && f.status === 'open');
    expect(paged.some((f, i) => i > 0 && f.deadline === paged[i - 1]!.deadline && f.visitDate === paged[i - 1]!.visitDate)).toBe(true);
  });

  it('each filter is the database\'s, alone and together, against a hand count', async () => {
    const district = await w.login('demo-district');
    const cases: [string, string, unknown[]][] = [
      ['status=open', `status = 'open'`, []],
      ['status=responded', `status = 'responded'`, []],
      ['status=closed', `status = 'closed'`, []],
      ['status=open,responded', `status in ('open', 'responded')`, []],
      [`institutionId=${inst[FEIYUE]!.id}`, 'institution_id = $2', [inst[FEIYUE]!.id]],
      [`institutionId=${inst[KEXUE]!.id}&status=closed`, `institution_id = $2 and status = 'closed'`, [inst[KEXUE]!.id]],
      [`q=${encodeURIComponent('小科学家')}`, `institution_name like '%小科学家%'`, []],
      [`q=${encodeURIComponent('灭火器')}`, `description like '%灭火器%' or institution_name like '%灭火器%'`, []],
      [`q=${encodeURIComponent('飞跃')}&status=responded`, `institution_name like '%飞跃%' and status = 'responded'`, []],
      ['overdue=true&status=responded', `status = 'responded' and overdue_at is not null`, []],
    ];
    for (const [query, where, params] of cases) {
      const got = await all(district, query);
      expect(ids(got), query).toEqual(await byHand(where, params));
      expect(got.total, query).toBeGreaterThan(0);
    }
    // a search's wildcards are plain characters; a search for nothing known finds nothing
    expect(await list(district, `q=${encodeURIComponent('%')}`)).toEqual({ items: [], total: 0 });
    expect(await list(district, `q=${encodeURIComponent('_')}`)).toEqual({ items: [], total: 0 });
    expect(await list(district, 'q=没有这家机构')).toEqual({ items: [], total: 0 });
  });
});

describe('who may read which findings', () => {
  it('an institution pages through its own only and is refused another institution\'s', async () => {
    const institution = await w.login('demo-institution');
    const own = await all(institution, '');
    expect(ids(own)).toEqual(await byHand('institution_id = $2', [inst[QIMING]!.id]));
    expect(own.total).toBeGreaterThan(0);
    expect((await all(institution, `institutionId=${inst[QIMING]!.id}`)).total).toBe(own.total);
    for (const name of [FEIYUE, KEXUE]) {
      const res = await call(w.app, institution, 'GET', `/api/training/inspections/findings?institutionId=${inst[name]!.id}`);
      expect(res.status, name).toBe(404);
    }
    // a search for another institution's name finds none of its findings
    expect(await list(institution, `q=${encodeURIComponent('飞跃')}`)).toEqual({ items: [], total: 0 });
  });

  it('an inspector of another zone sees its zone only and is refused an institution outside it', async () => {
    const zoneInspector = await w.login('zone-inspector'); // 城西
    const own = await all(zoneInspector, '');
    expect(ids(own)).toEqual(await byHand('zone_id = $2', [inst[FEIYUE]!.zone_id]));
    expect(own.total).toBeGreaterThanOrEqual(PAGED);
    expect((await call(w.app, zoneInspector, 'GET', `/api/training/inspections/findings?institutionId=${inst[KEXUE]!.id}`)).status).toBe(404);
    expect((await all(zoneInspector, 'q=边界')).total).toBe(0);
  });

  it('another district sees none and is refused the demo\'s institution; a parent is refused', async () => {
    const other = await w.login('other-admin');
    expect(await list(other, '')).toEqual({ items: [], total: 0 });
    expect(await list(other, 'overdue=false&page=2')).toEqual({ items: [], total: 0 });
    const res = await call(w.app, other, 'GET', `/api/training/inspections/findings?institutionId=${inst[QIMING]!.id}`);
    expect(res.status).toBe(404);
    expect((await call(w.app, await w.login('demo-parent'), 'GET', '/api/training/inspections/findings')).status).toBe(403);
  });

  it('refuses bad parameters with 400 naming the field', async () => {
    const district = await w.login('demo-district');
    const cases: [string, string][] = [
      ['page=0', '页码（page）'],
      ['page=abc', '页码（page）'],
      ['pageSize=0', '每页条数（pageSize）'],
      ['pageSize=501', '每页条数（pageSize）'],
      ['status=bogus', '状态（status）'],
      ['status=open,bogus', '状态（status）'],
      ['status=', '状态（status）'],
      ['overdue=maybe', '是否逾期（overdue）'],
      ['institutionId=x', '机构（institutionId）'],
      [`q=${'字'.repeat(51)}`, '搜索词（q）'],
    ];
    for (const [query, field] of cases) {
      const res = await call(w.app, district, 'GET', `/api/training/inspections/findings?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message, query).toContain(field);
    }
  });
});
