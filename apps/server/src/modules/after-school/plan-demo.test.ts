/** The plan area's demo data: loads on the demo district and every filed plan passes the district's rules. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedAfterSchoolPlanDemo } from '../../demo/after-school-plan';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
beforeAll(async () => {
  w = await createWorld();
  const [d] = await w.db.database.query<{ id: string }>(`select id from districts where code = 'demo'`);
  await w.db.database.db.transaction((tx) => seedAfterSchoolPlanDemo(tx, d!.id, '2026-11-26'));
}, 120_000);
afterAll(() => w.close());

describe('demo plans', () => {
  it('gives every school of the demo district its plan status', async () => {
    const district = await w.login('demo-district');
    const semesters = (await call(w.app, district, 'GET', '/api/semesters')).body as { id: string; startDate: string }[];
    const semesterId = semesters.find((s) => s.startDate === '2026-09-01')!.id;
    const rows = (await call(w.app, district, 'GET', `/api/after-school/plans/district?semesterId=${semesterId}`)).body as { schoolName: string; status: string; ok: boolean | null }[];
    expect(Object.fromEntries(rows.map((r) => [r.schoolName, r.status]))).toEqual({
      示范区实验小学: 'approved',
      城西第二小学: 'submitted',
      示范区第一初级中学: 'draft',
      城西九年一贯制学校: 'none',
    });
    const stats = await w.db.database.query<{ plan_status: string }>(`select plan_status from after_school_school_stats where semester_id = $1 order by plan_status`, [semesterId]);
    expect(stats.map((s) => s.plan_status)).toEqual(['approved', 'draft', 'submitted']);
  });

  it('gives demo-principal’s school homework help per grade and clubs by teachers, volunteers and a listed provider', async () => {
    const principal = await w.login('demo-principal');
    const plans = (await call(w.app, principal, 'GET', '/api/after-school/plans')).body as { schoolId: string; semesterId: string; check: { ok: boolean }; courses: unknown[] }[];
    expect(plans).toHaveLength(1);
    expect(plans[0]!.check.ok).toBe(true);
    const courses = (await call(w.app, principal, 'GET', `/api/after-school/courses?schoolId=${plans[0]!.schoolId}&semesterId=${plans[0]!.semesterId}`)).body as { category: string; staffing: string; providerName: string | null; teacherNames: string[]; name: string }[];
    expect(courses.filter((c) => c.category === 'homework')).toHaveLength(6);
    expect(courses.filter((c) => c.category !== 'homework').length).toBeGreaterThanOrEqual(6);
    expect(courses.find((c) => c.staffing === 'provider')!.providerName).toBe('启明文化艺术培训学校');
    expect(courses.some((c) => c.staffing === 'volunteer')).toBe(true);
    expect(courses.find((c) => c.name === '三年级作业辅导')!.teacherNames).toEqual(['王芳', '李强']);
    const page = await call(w.app, null, 'GET', `/api/public/after-school/schools/${plans[0]!.schoolId}`);
    expect(page.body.plan.version).toBe(1);
    expect(page.body.courses.length).toBe(courses.length);
  });
});
