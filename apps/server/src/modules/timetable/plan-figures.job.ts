/**
 * A new version of the curriculum plan (timetable.plan, .grid or .checks) changes whether a saved timetable meets it
 * from the version's effective date on, while the class's figures were written against the rules of its last save.
 * This job re-checks, once the new rules are in force, every timetable of the current semester whose figures are
 * older than them, and rewrites those figures (set-based: one read, one batched write per district). The figures'
 * own updated_at is the guard, so a second server's run, or a late one, finds nothing left to do.
 */
import type { TimetableCell } from '@shuangjian/contracts';
import { localDateTimeIn } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Db, type Queryable, rowsOf } from '../../platform/db';
import { semesterPeriod, setIndicators } from '../../platform/indicators';
import { type JobDeps, perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { semesterAt, semestersOf } from '../calendar';
import { classFigures, latestVersions, runCheck } from './timetable.repo';
import { timetableRulesAt } from './timetable.policy';

/** Re-checks the district's timetables whose figures predate the rules in force today; answers how many classes. */
export async function refreshPlanFigures(deps: Pick<JobDeps, 'db' | 'now'>, district: { id: string; timezone: string }): Promise<number> {
  const day = localDateTimeIn(district.timezone, deps.now()).date;
  const semester = semesterAt(await semestersOf(deps.db, district.id), day);
  if (!semester || day < semester.startDate || day > semester.endDate) return 0;
  // when today's rules came into force: the latest of each version's saving and its effective day's start
  const [since] = await rowsOf<{ since: string | null }>(
    deps.db,
    sql`
      select max(greatest(created_at, (effective_from::timestamp at time zone ${district.timezone})))::text as since
      from policy_versions
      where district_id = ${district.id} and key like 'timetable.%' and effective_from <= ${day}`,
  );
  if (!since?.since) return 0;
  return (deps.db as Db).transaction(async (tx: Queryable) => {
    const stale = await rowsOf<{ class_id: string; school_id: string; grade: number; cells: TimetableCell[] }>(
      tx,
      sql`
        select d.class_id, d.school_id, c.grade, d.cells
        from timetable_drafts d
        join class_directory c on c.district_id = d.district_id and c.id = d.class_id
        left join indicator_rollups r on r.district_id = d.district_id and r.indicator = 'timetable.compliant'
          and r.period = ${semesterPeriod(semester.id)} and r.scope_id = d.class_id
        where d.district_id = ${district.id} and d.semester_id = ${semester.id}
          and (r.updated_at is null or r.updated_at < ${since.since}::timestamptz)
        for update of d`,
    );
    if (!stale.length) return 0;
    const rules = await timetableRulesAt(tx, district.id, day);
    const published = await latestVersions(tx, district.id, semester.id, stale.map((r) => r.class_id));
    await setIndicators(
      tx,
      stale.flatMap((r) =>
        classFigures(
          { districtId: district.id, schoolId: r.school_id, classId: r.class_id, semesterId: semester.id },
          { published: published.has(r.class_id), check: runCheck(rules, Number(r.grade), r.cells) },
        ),
      ),
    );
    return stale.length;
  });
}

export const planFiguresJob = (): ScheduledJob => perDistrictJob('timetable.planFigures', 15 * 60_000, refreshPlanFigures);
