/**
 * The monthly and semester reports' snapshots, set-based: the district's METRICS figures over the period (a few
 * statements for every school at once, metrics.ts), folded into zones and the district, with the assessments closed
 * in the period; one district report and one per school, written in one statement. The service (a person
 * regenerating), the scheduled run and the demo all make reports here.
 */
import { type MetricKey, METRIC_KEYS, METRICS, type ReportAssessment, type ReportFigures, type ReportKind, type ReportSnapshot } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import { atOnce, type Queryable } from '../../platform/db';
import { districts } from '../../platform/schema';
import { districtSchools, type MetricFigures, schoolMetrics } from './metrics';
import { supervisionAssessments, supervisionReports, supervisionResults } from './schema';

export interface ReportPeriodSpec {
  kind: ReportKind;
  /** 'YYYY-MM' or the semester's id. */
  period: string;
  label: string;
  from: LocalDate;
  to: LocalDate;
}

/** A month 'YYYY-MM' as a period (its data up to `until` when the month is not over). */
export function monthPeriod(month: string, until?: LocalDate): ReportPeriodSpec {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const from = `${month}-01` as LocalDate;
  const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
  const end = addDays(next as LocalDate, -1);
  return { kind: 'month', period: month, label: `${y}年${m}月`, from, to: until && until < end ? until : end };
}

/** The month before the one `day` falls in. */
export function lastMonthOf(day: LocalDate): string {
  const [y, m] = day.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

const figure = (f: { num: number; den: number }) => ({ num: f.num, den: f.den, rate: f.den > 0 ? f.num / f.den : null });
const withRates = (f: MetricFigures): ReportFigures => Object.fromEntries(METRIC_KEYS.map((k) => [k, figure(f[k])])) as ReportFigures;

function sum(list: readonly MetricFigures[]): MetricFigures {
  const out = Object.fromEntries(METRIC_KEYS.map((k) => [k, { num: 0, den: 0 }])) as MetricFigures;
  for (const f of list)
    for (const k of METRIC_KEYS) {
      out[k].num += f[k].num;
      out[k].den += f[k].den;
    }
  return out;
}

/** Assessments whose close date falls in the period, closed or published, with every school's result. */
async function closedAssessments(q: Queryable, districtId: string, spec: ReportPeriodSpec, names: Map<string, { name: string; zoneName: string }>) {
  const A = supervisionAssessments;
  const R = supervisionResults;
  const rows = await q
    .select({ id: A.id, name: A.name, closeDate: A.closeDate, status: A.status, schoolId: R.schoolId, total: R.total, rank: R.rank, list: R.list, award: R.award })
    .from(A)
    .innerJoin(R, and(eq(R.districtId, A.districtId), eq(R.assessmentId, A.id)))
    .where(and(eq(A.districtId, districtId), inArray(A.status, ['closed', 'published']), gte(A.closeDate, spec.from), lte(A.closeDate, spec.to)))
    .orderBy(asc(A.closeDate), asc(A.name), asc(R.rank));
  const out: ReportAssessment[] = [];
  for (const r of rows) {
    let a = out.find((x) => x.id === r.id);
    if (!a) out.push((a = { id: r.id, name: r.name, closeDate: r.closeDate, status: r.status, results: [] }));
    const s = names.get(r.schoolId);
    a.results.push({ schoolId: r.schoolId, schoolName: s?.name ?? '—', zoneName: s?.zoneName ?? '—', total: r.total, rank: r.rank, list: r.list, award: r.award });
  }
  return out;
}

/**
 * The snapshots of a period: the district report (every school) and, for each school asked (all when `schoolIds` is
 * omitted), the school's own figures beside its zone's and the district's. A school report carries only the published
 * assessments and its own result in them.
 */
export async function buildSnapshots(q: Queryable, districtId: string, spec: ReportPeriodSpec, options: { schoolIds?: readonly string[]; district: boolean; at: Date }) {
  const [schools, figures, [district]] = await atOnce(q,
    () => districtSchools(q, districtId),
    () => schoolMetrics(q, districtId, { from: spec.from, to: spec.to }),
    () => q.select({ name: districts.name }).from(districts).where(eq(districts.id, districtId)),
  );
  const names = new Map(schools.map((s) => [s.schoolId, { name: s.name, zoneName: s.zoneName }]));
  const assessments = await closedAssessments(q, districtId, spec, names);
  const of = (id: string) => figures.get(id) ?? sum([]);
  const zoneIds = [...new Set(schools.map((s) => s.zoneId))];
  const zones = zoneIds.map((zoneId) => {
    const members = schools.filter((s) => s.zoneId === zoneId);
    return { zoneId, zoneName: members[0]!.zoneName, schools: members.length, figures: withRates(sum(members.map((s) => of(s.schoolId)))) };
  });
  const total = withRates(sum(schools.map((s) => of(s.schoolId))));
  const rows = schools.map((s) => ({ schoolId: s.schoolId, code: s.code, name: s.name, zoneId: s.zoneId, zoneName: s.zoneName, figures: withRates(of(s.schoolId)) }));
  const base = {
    version: 1 as const,
    kind: spec.kind,
    period: spec.period,
    periodLabel: spec.label,
    periodFrom: spec.from,
    periodTo: spec.to,
    districtName: district?.name ?? '',
    generatedAt: options.at.toISOString(),
    metrics: METRIC_KEYS.map((key: MetricKey) => ({ key, label: METRICS[key].label, module: METRICS[key].module, better: METRICS[key].better })),
    district: total,
  };
  const out: { schoolId: string | null; snapshot: ReportSnapshot }[] = [];
  if (options.district) out.push({ schoolId: null, snapshot: { ...base, scope: 'district', zones, schools: rows, school: null, assessments } });
  const wanted = options.schoolIds ? new Set(options.schoolIds) : null;
  for (const s of rows) {
    if (wanted && !wanted.has(s.schoolId)) continue;
    const { figures: _own, ...school } = s;
    out.push({
      schoolId: s.schoolId,
      snapshot: {
        ...base,
        scope: 'school',
        zones: zones.filter((z) => z.zoneId === s.zoneId),
        schools: [s],
        school,
        assessments: assessments
          .filter((a) => a.status === 'published')
          .map((a) => ({ ...a, results: a.results.filter((r) => r.schoolId === s.schoolId) }))
          .filter((a) => a.results.length > 0),
      },
    });
  }
  return out;
}

/**
 * Writes the snapshots in one statement: `replace` overwrites a report of the same scope and period (a person
 * regenerating), otherwise an existing report is left as it is (the scheduled run only fills in what is missing).
 */
export async function writeReports(
  q: Queryable,
  districtId: string,
  spec: ReportPeriodSpec,
  snapshots: readonly { schoolId: string | null; snapshot: ReportSnapshot }[],
  by: { userId: string | null; at: Date; replace: boolean },
) {
  if (!snapshots.length) return [];
  const R = supervisionReports;
  const values = snapshots.map((s) => ({
    districtId,
    kind: spec.kind,
    period: spec.period,
    periodFrom: spec.from,
    periodTo: spec.to,
    schoolId: s.schoolId,
    scopeId: s.schoolId ?? districtId,
    figures: s.snapshot,
    generatedBy: by.userId,
    generatedAt: by.at,
  }));
  const insert = q.insert(R).values(values);
  const target = [R.districtId, R.kind, R.period, R.scopeId];
  const written = by.replace
    ? insert.onConflictDoUpdate({
        target,
        set: {
          figures: sql`excluded.figures`,
          periodFrom: sql`excluded.period_from`,
          periodTo: sql`excluded.period_to`,
          generatedBy: sql`excluded.generated_by`,
          generatedAt: sql`excluded.generated_at`,
        },
      })
    : insert.onConflictDoNothing({ target });
  return written.returning({ id: R.id, schoolId: R.schoolId });
}
