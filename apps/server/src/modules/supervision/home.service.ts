/**
 * 督导考核 district home: per zone and school within reach, this week's (the week of the date) and this semester's
 * (the semester in force on the date) METRICS figures, summed into zones and the district, and the training
 * institutions' cards. Read from the modules' rollups only: one round for the reach, the semesters and the training
 * rollup, one for the two spans' figures, every statement of a round side by side.
 */
import { type Figure, INSTITUTION_STATUSES, METRIC_KEYS, type MetricKey, type SupervisionHome, type SupervisionHomeQuery, roleHas } from '@shuangjian/contracts';
import { addDays, weekStart } from '@shuangjian/policy';
import { asc } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { invalid } from '../../platform/errors';
import { semesterAt, semestersOf, type SemesterRef } from '../calendar';
import { schoolDirectory } from '../org';
import { type TrainingZoneFigures, trainingZoneFigures } from '../training';
import { emptyFigures, type MetricFigures, type MetricRange, readMetricSpans } from './metrics';

export const HOME_PERMISSION = 'supervision.home' as const;
/** The district home reaches back this far at most (a date before has no rollups worth reading). */
const EARLIEST = '2000-01-01';

export type HomeSchool = { schoolId: string; code: string; name: string; zoneId: string; zoneName: string };

export const rated = (f: { num: number; den: number }): Figure => ({ num: f.num, den: f.den, rate: f.den ? Math.round((f.num / f.den) * 10000) / 10000 : null });
export const ratedSet = (f: Partial<MetricFigures>) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, rated(v)])) as Record<MetricKey, Figure>;

function addInto(into: MetricFigures, from: MetricFigures) {
  for (const k of METRIC_KEYS) {
    into[k].num += from[k].num;
    into[k].den += from[k].den;
  }
}

/** The date asked (default today), the week around it, the semester in force on it. */
export async function homePeriod(ctx: Ctx, query: SupervisionHomeQuery) {
  const date = query.date ?? today(ctx);
  if (date < EARLIEST) throw invalid('date', '日期', `日期（date）不能早于 ${EARLIEST}`);
  const from = weekStart(date);
  return { date, week: { from, to: addDays(from, 6) } satisfies MetricRange };
}

/** "This semester" as of the date: from its first day to the end of the date's week (or its last day, if sooner). */
export function semesterRange(s: SemesterRef | null, week: MetricRange): MetricRange | null {
  if (!s) return null;
  const to = s.endDate < week.to ? s.endDate : week.to;
  return { from: s.startDate, to: to < s.startDate ? s.startDate : to };
}

/** The schools within the user's reach under supervision.home, in display order (zone, then code); a dashboard read. */
export function schoolsInReach(ctx: Ctx): Promise<HomeSchool[]> {
  const D = schoolDirectory;
  return ctx.readDb
    .select({ schoolId: D.id, code: D.code, name: D.name, zoneId: D.zoneId, zoneName: D.zoneName })
    .from(D)
    .where(scoped(ctx, D, HOME_PERMISSION))
    .orderBy(asc(D.zoneName), asc(D.code));
}

/** Zones the user reaches under supervision.home ('*': all of the district). */
function zoneReach(ctx: Ctx): '*' | Set<string> {
  const grants = ctx.grants.filter((g) => roleHas(g.role, HOME_PERMISSION));
  if (grants.some((g) => g.zone === '*')) return '*';
  return new Set(grants.flatMap((g) => (g.zone === '*' ? [] : [...g.zone])));
}

const emptyInstitutions = () => ({
  institutions: 0,
  byStatus: Object.fromEntries(INSTITUTION_STATUSES.map((s) => [s, 0])) as Record<(typeof INSTITUTION_STATUSES)[number], number>,
  owing: 0,
  covered: 0,
  complaintsOpen: 0,
  complaintsOverdue: 0,
});
type Institutions = ReturnType<typeof emptyInstitutions>;

function addInstitutions(into: Institutions, z: TrainingZoneFigures) {
  into.institutions += z.institutions;
  for (const [s, n] of Object.entries(z.byStatus)) if (s in into.byStatus) into.byStatus[s as keyof Institutions['byStatus']] += n;
  into.owing += z.owing;
  into.covered += z.covered;
  into.complaintsOpen += z.complaintsOpen;
  into.complaintsOverdue += z.complaintsOverdue;
}

const institutionsOut = ({ owing, covered, ...i }: Institutions) => ({ ...i, custody: rated({ num: covered, den: owing }) });

export async function supervisionHome(ctx: Ctx, query: SupervisionHomeQuery): Promise<SupervisionHome> {
  requirePermission(ctx, HOME_PERMISSION);
  const p = await homePeriod(ctx, query);
  const d = ctx.user.districtId;
  // every read of the home is a rollup's: the read replica's while it keeps up
  const db = ctx.readDb;
  const [schools, semesters, training] = await atOnce(db, () => schoolsInReach(ctx), () => semestersOf(db, d), () => trainingZoneFigures(db, d, p.date));
  const semester = semesterAt(semesters, p.date);
  const range = semesterRange(semester, p.week);
  const known = { schoolIds: schools.map((s) => s.schoolId), semesters };
  const [week, term = null] = await readMetricSpans(db, d, range ? [p.week, range] : [p.week], known);

  const total = { week: emptyFigures(), semester: emptyFigures() };
  const zones = new Map<string, { zoneId: string; zoneName: string; schools: number; week: MetricFigures; semester: MetricFigures; institutions: Institutions }>();
  const rows = schools.map((s) => {
    const w = week?.get(s.schoolId) ?? emptyFigures();
    const t = term?.get(s.schoolId) ?? emptyFigures();
    addInto(total.week, w);
    addInto(total.semester, t);
    let zone = zones.get(s.zoneId);
    if (!zone) zones.set(s.zoneId, (zone = { zoneId: s.zoneId, zoneName: s.zoneName, schools: 0, week: emptyFigures(), semester: emptyFigures(), institutions: emptyInstitutions() }));
    zone.schools += 1;
    addInto(zone.week, w);
    addInto(zone.semester, t);
    return { ...s, figures: { week: ratedSet(w), semester: ratedSet(t) } };
  });
  // institutions belong to zones, not schools: the zones within reach (an inspector's zone) and their institutions
  const reach = zoneReach(ctx);
  const institutions = emptyInstitutions();
  for (const [zoneId, z] of training) {
    if (reach !== '*' && !reach.has(zoneId)) continue;
    addInstitutions(institutions, z);
    const zone = zones.get(zoneId);
    if (zone) addInstitutions(zone.institutions, z);
  }
  return {
    date: p.date,
    week: p.week,
    semester,
    total: { week: ratedSet(total.week), semester: ratedSet(total.semester) },
    institutions: institutionsOut(institutions),
    zones: [...zones.values()].map((z) => ({
      zoneId: z.zoneId,
      zoneName: z.zoneName,
      schools: z.schools,
      figures: { week: ratedSet(z.week), semester: ratedSet(z.semester) },
      institutions: institutionsOut(z.institutions),
    })),
    schools: rows,
  };
}
