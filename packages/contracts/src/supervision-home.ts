/**
 * 督导考核 district home: per zone and school, this week's and this semester's METRICS figures (each a num/den/rate
 * read from the owning module's rollup), the training institutions' cards (by status, custody coverage, complaints
 * open and overdue), and one school's drill-down (its classes where the rollups keep class rows, its weeks).
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { INSTITUTION_STATUSES } from './org';
import { Figure, type MetricKey, METRIC_KEYS } from './supervision';

export const SupervisionHomeQuery = z.object({ date: LocalDate.optional() });
export type SupervisionHomeQuery = z.infer<typeof SupervisionHomeQuery>;
export const SupervisionSchoolParams = z.object({ schoolId: Id });

/** Every METRICS key with its figure. */
export const MetricFigureSet = z.object(Object.fromEntries(METRIC_KEYS.map((k) => [k, Figure])) as Record<MetricKey, typeof Figure>);
export type MetricFigureSet = z.infer<typeof MetricFigureSet>;
/** Some METRICS keys (a class has only the figures whose rollup keeps class rows). */
export const PartialFigureSet = MetricFigureSet.partial();
export type PartialFigureSet = z.infer<typeof PartialFigureSet>;

/** "This week" (the week of the date) and "this semester" (the semester in force on the date). */
export const HOME_SPANS = ['week', 'semester'] as const;
export const HomeSpan = z.enum(HOME_SPANS);
export type HomeSpan = z.infer<typeof HomeSpan>;
export const SpanFigures = z.object({ week: MetricFigureSet, semester: MetricFigureSet });
export type SpanFigures = z.infer<typeof SpanFigures>;

/** Training institutions of a zone or the district, from the training rollup (as the training dashboard counts them). */
export const InstitutionFigures = z.object({
  institutions: z.number().int(),
  byStatus: z.object(Object.fromEntries(INSTITUTION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof INSTITUTION_STATUSES)[number], z.ZodNumber>),
  /** Institutions owing lessons whose custody (or deposit) covers what they owe, over those owing (target 100%). */
  custody: Figure,
  complaintsOpen: z.number().int(),
  complaintsOverdue: z.number().int(),
});
export type InstitutionFigures = z.infer<typeof InstitutionFigures>;

export const HomeSemester = z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate });

export const HomeSchoolRow = z.object({ schoolId: Id, code: z.string(), name: z.string(), zoneId: Id, zoneName: z.string(), figures: SpanFigures });
export type HomeSchoolRow = z.infer<typeof HomeSchoolRow>;
export const HomeZoneRow = z.object({ zoneId: Id, zoneName: z.string(), schools: z.number().int(), figures: SpanFigures, institutions: InstitutionFigures });
export type HomeZoneRow = z.infer<typeof HomeZoneRow>;

export const SupervisionHome = z.object({
  date: LocalDate,
  week: z.object({ from: LocalDate, to: LocalDate }),
  semester: HomeSemester.nullable(),
  total: SpanFigures,
  institutions: InstitutionFigures,
  zones: z.array(HomeZoneRow),
  schools: z.array(HomeSchoolRow),
});
export type SupervisionHome = z.infer<typeof SupervisionHome>;

/** The figures a class row can carry: those whose rollup keeps class rows. */
export const CLASS_METRICS = ['homework.withinLimit', 'homework.overloadedDays', 'homeSchool.visitCoverage', 'homeSchool.specialVisited', 'five.sleepMeets', 'timetable.compliant'] as const satisfies readonly MetricKey[];
/** The figures kept per week (the school's weeks of the semester). */
export const WEEK_METRICS = ['homework.withinLimit', 'homework.overloadedDays', 'five.sleepMeets'] as const satisfies readonly MetricKey[];

export const HomeClassRow = z.object({ classId: Id, className: z.string(), grade: z.number().int(), week: PartialFigureSet, semester: PartialFigureSet });
export type HomeClassRow = z.infer<typeof HomeClassRow>;
export const HomeWeekRow = z.object({ weekStart: LocalDate, figures: PartialFigureSet });
export type HomeWeekRow = z.infer<typeof HomeWeekRow>;

export const SupervisionSchoolHome = z.object({
  date: LocalDate,
  week: z.object({ from: LocalDate, to: LocalDate }),
  semester: HomeSemester.nullable(),
  school: z.object({ id: Id, code: z.string(), name: z.string(), zoneId: Id, zoneName: z.string() }),
  figures: SpanFigures,
  classes: z.array(HomeClassRow),
  weeks: z.array(HomeWeekRow),
});
export type SupervisionSchoolHome = z.infer<typeof SupervisionSchoolHome>;

/** The pages behind the institution cards (the web links every count to them). */
export const INSTITUTION_LINKS = {
  byStatus: '/training/registry/institutions',
  custody: '/training/district',
  complaints: '/training/complaints',
} as const;
