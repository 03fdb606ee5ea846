/**
 * The scheduled reports: last month's district report and every school's are made on the 1st of each month (and on any
 * later run while one of them is missing, so a server that was down on the 1st catches up); a semester's once it has
 * ended. Set-based (one snapshot build and one insert per period and district) and idempotent: only missing reports
 * are written, never one a person regenerated, so a second run changes nothing.
 */
import { localDateTimeIn, type LocalDate } from '@shuangjian/policy';
import { and, eq, or, sql } from 'drizzle-orm';
import { audit, systemActor } from '../../platform/audit';
import { atOnce, type Queryable } from '../../platform/db';
import { perDistrictJob, type ScheduledJob } from '../../platform/scheduler';
import { semestersOf } from '../calendar';
import { schoolDirectory } from '../org';
import { buildSnapshots, lastMonthOf, monthPeriod, type ReportPeriodSpec, writeReports } from './reports.snapshot';
import { supervisionReports } from './schema';

export const REPORTS_JOB = 'supervision.reports';

/** The periods due on `day`: last month, and the latest semester that has ended. */
async function duePeriods(q: Queryable, districtId: string, day: LocalDate): Promise<ReportPeriodSpec[]> {
  const ended = (await semestersOf(q, districtId)).filter((s) => s.endDate < day).at(-1);
  const month = monthPeriod(lastMonthOf(day));
  return ended ? [month, { kind: 'semester', period: ended.id, label: ended.name, from: ended.startDate, to: ended.endDate }] : [month];
}

/** Makes the due reports that are missing (the district's and every school's); returns how many were written. */
export async function makeDueReports(q: Queryable, districtId: string, day: LocalDate, now: Date): Promise<number> {
  const specs = await duePeriods(q, districtId, day);
  const R = supervisionReports;
  const [[schools], made] = await atOnce(q,
    () => q.select({ n: sql<number>`count(*)::int` }).from(schoolDirectory).where(eq(schoolDirectory.districtId, districtId)),
    () => q
      .select({ kind: R.kind, period: R.period, schools: sql<number>`count(${R.schoolId})::int`, district: sql<boolean>`bool_or(${R.schoolId} is null)` })
      .from(R)
      .where(and(eq(R.districtId, districtId), or(...specs.map((s) => and(eq(R.kind, s.kind), eq(R.period, s.period))))))
      .groupBy(R.kind, R.period),
  );
  let written = 0;
  for (const spec of specs) {
    const have = made.find((m) => m.kind === spec.kind && m.period === spec.period);
    if (have?.district && have.schools >= (schools?.n ?? 0)) continue;
    const snapshots = await buildSnapshots(q, districtId, spec, { district: true, at: now });
    written += await q.transaction(async (tx) => {
      const rows = await writeReports(tx, districtId, spec, snapshots, { userId: null, at: now, replace: false });
      if (rows.length)
        await audit(tx, systemActor(districtId, '督导报告定时生成'), {
          action: 'supervision.report.generate',
          entity: 'supervision_report',
          entityId: spec.period,
          after: { kind: spec.kind, period: spec.period, from: spec.from, to: spec.to, reports: rows.length, scheduled: true },
        });
      return rows.length;
    });
  }
  return written;
}

export const reportsJob = (): ScheduledJob =>
  perDistrictJob(REPORTS_JOB, 60 * 60_000, (deps, d) => {
    const now = deps.now();
    return makeDueReports(deps.db, d.id, localDateTimeIn(d.timezone, now).date, now);
  });
