/**
 * 督导报告: generating a period's reports (the district office: the district's and every school's; a school's own
 * administrator: the school's), the list a reader may see, and a report's snapshot for its Excel and PDF files.
 * Who sees what: the district office every report; an inspector the district report and the reports of the schools of
 * their zone (all schools when not tied to a zone); a school's administrator the school's own reports only.
 */
import { type GenerateReport, type ReportKind, type ReportList, type ReportListQuery, type ReportPeriod, type ReportSnapshot, type ReportSummary, roleHas, roleLevel } from '@shuangjian/contracts';
import { and, asc, desc, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { allows, type Ctx, districtWide, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { forbidden, invalid, notFound } from '../../platform/errors';
import { users } from '../../platform/schema';
import { semesterById, semestersOf } from '../calendar';
import { schoolDirectory } from '../org';
import { buildSnapshots, monthPeriod, type ReportPeriodSpec, writeReports } from './reports.snapshot';
import { supervisionReports } from './schema';

const PERMISSION = 'supervision.reports' as const;
const R = supervisionReports;

/** The district office: a grant with the permission over the whole district, at the district level. */
function districtOffice(ctx: Ctx): boolean {
  return ctx.grants.some((g) => roleHas(g.role, PERMISSION) && roleLevel[g.role] === 'district') && districtWide(ctx, PERMISSION);
}

/** Reports the reader may see: their schools' (scoped) and, for the district office and inspectors, the district's. */
function visible(ctx: Ctx): SQL {
  const own = scoped(ctx, R, PERMISSION);
  const district = ctx.grants.some((g) => roleHas(g.role, PERMISSION) && (g.role === 'inspector' || roleLevel[g.role] === 'district'));
  return district ? (or(own, and(eq(R.districtId, ctx.user.districtId), isNull(R.schoolId))) as SQL) : own;
}

/** The period asked for, checked: a month or semester that has begun (its data up to today when not over). */
async function resolvePeriod(ctx: Ctx, kind: ReportKind, period: string): Promise<ReportPeriodSpec> {
  const day = today(ctx);
  if (kind === 'month') {
    const spec = monthPeriod(period, day);
    if (spec.from > day) throw invalid('period', '期间', `${spec.label}尚未开始，不能生成报告`);
    if (period < '2000-01') throw invalid('period', '期间', '月份不早于 2000 年');
    return spec;
  }
  const s = await semesterById(ctx.db, ctx.user.districtId, period);
  if (s.startDate > day) throw invalid('period', '期间', `${s.name}尚未开始，不能生成报告`);
  return { kind, period: s.id, label: s.name, from: s.startDate, to: s.endDate < day ? s.endDate : day };
}

/** Generate (or regenerate: the snapshot of the same scope and period is replaced) a period's reports. */
export async function generateReports(ctx: Ctx, input: z.output<typeof GenerateReport>) {
  requirePermission(ctx, PERMISSION);
  const office = districtOffice(ctx);
  let school: { id: string; name: string; zoneId: string } | null = null;
  if (input.schoolId) {
    const [row] = await ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneId: schoolDirectory.zoneId })
      .from(schoolDirectory)
      .where(and(eq(schoolDirectory.districtId, ctx.user.districtId), eq(schoolDirectory.id, input.schoolId)));
    if (!row || !allows(ctx, 'org.read', { districtId: ctx.user.districtId, school: row.id, zone: row.zoneId })) throw notFound('学校');
    const ownAdmin = ctx.grants.some((g) => g.role === 'school_admin' && allows({ grants: [g] }, PERMISSION, { districtId: ctx.user.districtId, school: row.id }));
    if (!office && !ownAdmin) throw forbidden('只有区教育局或本校管理员可以生成学校的督导报告');
    school = row;
  } else if (!office) throw forbidden('只有区教育局可以生成全区及各校的督导报告');
  const spec = await resolvePeriod(ctx, input.kind, input.period);
  const at = ctx.now();
  const snapshots = await buildSnapshots(ctx.db, ctx.user.districtId, spec, { district: !school, schoolIds: school ? [school.id] : undefined, at });
  const ids = await ctx.db.transaction(async (tx) => {
    const [{ n } = { n: 0 }] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(R)
      .where(and(eq(R.districtId, ctx.user.districtId), eq(R.kind, spec.kind), eq(R.period, spec.period), school ? eq(R.schoolId, school.id) : undefined));
    const written = await writeReports(tx, ctx.user.districtId, spec, snapshots, { userId: ctx.user.id, at, replace: true });
    await audit(tx, ctx.actor, {
      action: 'supervision.report.generate',
      entity: 'supervision_report',
      entityId: school ? (written[0]?.id ?? null) : spec.period,
      after: { kind: spec.kind, period: spec.period, from: spec.from, to: spec.to, school: school?.name ?? null, reports: written.length, replaced: n },
    });
    return written.map((w) => w.id);
  });
  const reports = ids.length ? await summaries(ctx, and(eq(R.districtId, ctx.user.districtId), inArray(R.id, ids)) as SQL) : [];
  return { reports };
}

const summaryColumns = {
  id: R.id,
  kind: R.kind,
  period: R.period,
  periodLabel: sql<string>`${R.figures}->>'periodLabel'`,
  periodFrom: R.periodFrom,
  periodTo: R.periodTo,
  schoolId: R.schoolId,
  schoolName: schoolDirectory.name,
  schoolCode: schoolDirectory.code,
  zoneName: schoolDirectory.zoneName,
  generatedAt: R.generatedAt,
  generatedBy: users.name,
  assessments: sql<number>`coalesce(jsonb_array_length(${R.figures}->'assessments'), 0)::int`,
};

/** Reports as listed: the district's first, then the schools in zone and code order. */
async function summaries(ctx: Ctx, where: SQL): Promise<ReportSummary[]> {
  const rows = await ctx.db
    .select(summaryColumns)
    .from(R)
    .leftJoin(schoolDirectory, and(eq(schoolDirectory.districtId, R.districtId), eq(schoolDirectory.id, R.schoolId)))
    .leftJoin(users, and(eq(users.districtId, R.districtId), eq(users.id, R.generatedBy)))
    .where(where)
    .orderBy(sql`${R.schoolId} is not null`, asc(schoolDirectory.zoneName), asc(schoolDirectory.code));
  return rows.map(({ schoolCode: _code, ...r }) => ({
    ...r,
    scope: r.schoolId ? ('school' as const) : ('district' as const),
    generatedAt: r.generatedAt.toISOString(),
  }));
}

/** The months of the last year up to this one, newest first, and the semesters begun: what may be generated. */
async function generatable(ctx: Ctx) {
  const day = today(ctx);
  const months: ReportPeriod[] = [];
  let month = day.slice(0, 7);
  for (let i = 0; i < 12; i++) {
    const p = monthPeriod(month, day);
    months.push({ period: p.period, label: p.label, from: p.from, to: p.to });
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  const semesters = (await semestersOf(ctx.db, ctx.user.districtId))
    .filter((s) => s.startDate <= day)
    .reverse()
    .map((s) => ({ period: s.id, label: s.name, from: s.startDate, to: s.endDate }));
  return { months, semesters };
}

export async function listReports(ctx: Ctx, query: ReportListQuery): Promise<ReportList> {
  requirePermission(ctx, PERMISSION);
  const kind = query.kind ?? 'month';
  const seen = visible(ctx);
  const periods = await ctx.db
    .selectDistinct({ period: R.period, label: sql<string>`${R.figures}->>'periodLabel'`, from: R.periodFrom, to: R.periodTo })
    .from(R)
    .where(and(seen, eq(R.kind, kind)))
    .orderBy(desc(R.periodFrom), desc(R.period));
  // a period made again while another was in progress may differ in its end: one entry per period, the latest
  const unique = periods.filter((p, i) => periods.findIndex((x) => x.period === p.period) === i);
  const period = query.period ?? unique[0]?.period ?? null;
  const office = districtOffice(ctx);
  const ownAdmin = ctx.grants.some((g) => g.role === 'school_admin' && roleHas(g.role, PERMISSION));
  const [items, periodsToMake] = await atOnce(ctx.db,
    () => period ? summaries(ctx, and(seen, eq(R.kind, kind), eq(R.period, period)) as SQL) : Promise.resolve([]),
    () => office || ownAdmin ? generatable(ctx) : Promise.resolve({ months: [], semesters: [] }),
  );
  return { kind, period, periods: unique, items, canGenerate: office ? 'all' : ownAdmin ? 'school' : 'none', generatable: periodsToMake };
}

/** A report the reader may see, with its snapshot (for its files). */
export async function reportSnapshot(ctx: Ctx, id: string): Promise<{ snapshot: ReportSnapshot; fileName: string }> {
  requirePermission(ctx, PERMISSION);
  const [row] = await ctx.db
    .select({ figures: R.figures, schoolName: schoolDirectory.name })
    .from(R)
    .leftJoin(schoolDirectory, and(eq(schoolDirectory.districtId, R.districtId), eq(schoolDirectory.id, R.schoolId)))
    .where(and(visible(ctx), eq(R.id, id)));
  if (!row) throw notFound('督导报告');
  const snapshot = row.figures as ReportSnapshot;
  const kind = snapshot.kind === 'month' ? '月报' : '学期报告';
  const scope = snapshot.school?.name ?? row.schoolName ?? snapshot.districtName;
  return { snapshot, fileName: `督导${kind}-${scope}-${snapshot.periodLabel}` };
}
