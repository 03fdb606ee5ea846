/** The district's view of a semester's self-checks: per school, completion and open, awaiting, overdue and closed items. */
import type { SelfcheckOverview, SelfcheckSemesterQuery } from '@shuangjian/contracts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { schoolDirectory } from '../org';
import { checklistOfSemester } from './selfcheck-checklists.service';
import { semesterOf } from './selfcheck.repo';
import { fiveSelfcheckAnswers, fiveSelfcheckRectifications, fiveSelfchecks } from './selfcheck.schema';

export async function selfcheckOverview(ctx: Ctx, query: z.output<typeof SelfcheckSemesterQuery>): Promise<SelfcheckOverview> {
  requirePermission(ctx, 'five-managements.district');
  const semester = await semesterOf(ctx.db, ctx.user.districtId, query.semesterId, today(ctx));
  const checklist = await checklistOfSemester(ctx, ctx.db, semester.id, !ctx.grants.some((g) => g.role === 'district_admin'));
  const r = fiveSelfcheckRectifications;
  const n = (cond: ReturnType<typeof sql>) => sql<number>`count(*) filter (where ${cond})::int`;
  const [schools, checks, rects] = await atOnce(ctx.db,
    () => ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneName: schoolDirectory.zoneName })
      .from(schoolDirectory)
      .where(scoped(ctx, schoolDirectory, 'five-managements.district'))
      .orderBy(asc(schoolDirectory.code)),
    () => checklist?.status === 'published'
      ? ctx.db
          .select({ schoolId: fiveSelfchecks.schoolId, status: fiveSelfchecks.status, answered: sql<number>`count(${fiveSelfcheckAnswers.id})::int` })
          .from(fiveSelfchecks)
          .leftJoin(fiveSelfcheckAnswers, and(eq(fiveSelfcheckAnswers.districtId, fiveSelfchecks.districtId), eq(fiveSelfcheckAnswers.selfcheckId, fiveSelfchecks.id)))
          .where(and(scoped(ctx, fiveSelfchecks, 'five-managements.district'), eq(fiveSelfchecks.checklistId, checklist.id)))
          .groupBy(fiveSelfchecks.schoolId, fiveSelfchecks.status)
      : Promise.resolve([]),
    () => ctx.db
      .select({
        schoolId: r.schoolId,
        open: n(sql`${r.status} = 'open'`),
        awaiting: n(sql`${r.status} = 'fixed'`),
        overdue: n(sql`${r.status} = 'open' and ${r.overdueAt} is not null`),
        closed: n(sql`${r.status} = 'closed'`),
      })
      .from(r)
      .where(and(scoped(ctx, r, 'five-managements.district'), eq(r.semesterId, semester.id)))
      .groupBy(r.schoolId),
  );
  const items = checklist?.status === 'published' ? checklist.items.length : 0;
  return {
    semesterId: semester.id,
    semesterName: semester.name,
    checklist: checklist ? { id: checklist.id, title: checklist.title, status: checklist.status, items: checklist.items.length } : null,
    schools: schools.map((s) => {
      const c = checks.find((x) => x.schoolId === s.id);
      const x = rects.find((y) => y.schoolId === s.id);
      return {
        schoolId: s.id,
        schoolName: s.name,
        zoneName: s.zoneName,
        status: c?.status ?? 'not_started',
        answered: c?.answered ?? 0,
        items,
        open: x?.open ?? 0,
        awaiting: x?.awaiting ?? 0,
        overdue: x?.overdue ?? 0,
        closed: x?.closed ?? 0,
      };
    }),
  };
}
