/**
 * 课程与课表: a class's weekly timetable per semester (a draft the school edits or imports, published versions kept),
 * its check against the curriculum plan (timetable.plan), the public page per school (晒课表), what was actually taught
 * (巡课) and the 阴阳课表 findings, and the district's figures.
 */
import { TIMETABLE_SUBJECTS } from '@shuangjian/policy';
import { z } from 'zod';
import { Id, LocalDate, Timestamp } from './common';

export const TIMETABLE_NOTE_MAX = 200;
export const TIMETABLE_TEACHER_MAX = 20;
export const TIMETABLE_ROOM_MAX = 20;
export const TIMETABLE_REASON_MAX = 500;
/** Cells of one week at most: 7 days × 10 periods. */
export const TIMETABLE_CELLS_MAX = 70;
export const TIMETABLE_DAYS_MAX = 7;
export const TIMETABLE_PERIODS_MAX = 10;

export const TimetableSubjectCode = z.enum(TIMETABLE_SUBJECTS);

export const TimetableCellInput = z.object({
  day: z.number().int().min(1).max(TIMETABLE_DAYS_MAX),
  period: z.number().int().min(1).max(TIMETABLE_PERIODS_MAX),
  subject: TimetableSubjectCode,
  /** 实验: a lab period (science, physics, chemistry, biology). */
  lab: z.boolean().default(false),
  teacher: z.string().trim().max(TIMETABLE_TEACHER_MAX).nullish().transform((v) => v || null),
  room: z.string().trim().max(TIMETABLE_ROOM_MAX).nullish().transform((v) => v || null),
});
/** A cell as answers carry it. */
export const TimetableCell = z.object({
  day: z.number().int(),
  period: z.number().int(),
  subject: TimetableSubjectCode,
  lab: z.boolean(),
  teacher: z.string().nullable(),
  room: z.string().nullable(),
});
export type TimetableCell = z.infer<typeof TimetableCell>;

export const TimetableFinding = z.object({
  kind: z.enum(['shortfall', 'lab', 'surplus']),
  severity: z.enum(['error', 'warning']),
  subject: TimetableSubjectCode.nullable(),
  required: z.number().int(),
  actual: z.number().int(),
  message: z.string(),
  rule: z.string(),
  key: z.string(),
  version: z.number().int(),
  effectiveFrom: z.string().nullable(),
});
export type TimetableFinding = z.infer<typeof TimetableFinding>;

export const TimetableCheckResult = z.object({
  grade: z.number().int(),
  weeklyTotal: z.number().int(),
  periods: z.number().int(),
  rows: z.array(z.object({ subject: TimetableSubjectCode, required: z.number().int(), actual: z.number().int() })),
  labRequired: z.number().int(),
  labActual: z.number().int(),
  findings: z.array(TimetableFinding),
  compliant: z.boolean(),
});
export type TimetableCheckResult = z.infer<typeof TimetableCheckResult>;

/** The plan row and the grid's size for a class's grade, with the versions in force: the editor checks live with them. */
export const TimetableRules = z.object({
  grade: z.number().int(),
  daysPerWeek: z.number().int(),
  periodsPerDay: z.number().int(),
  weeklyTotal: z.number().int(),
  subjects: z.record(z.string(), z.number().int()),
  labPeriods: z.number().int(),
  flagCoreSurplus: z.boolean(),
  planVersion: z.number().int(),
  planEffectiveFrom: z.string().nullable(),
  checksVersion: z.number().int(),
  checksEffectiveFrom: z.string().nullable(),
});
export type TimetableRules = z.infer<typeof TimetableRules>;

export const TimetableSemesterRef = z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate });

export const TimetableVersion = z.object({ version: z.number().int(), publishedAt: Timestamp, publishedByName: z.string() });
export type TimetableVersion = z.infer<typeof TimetableVersion>;

export const ClassTimetable = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  schoolId: Id,
  schoolName: z.string(),
  semester: TimetableSemesterRef,
  rules: TimetableRules,
  /** The draft being edited (null: none yet); its check by the plan in force today. */
  draft: z.object({ cells: z.array(TimetableCell), check: TimetableCheckResult, updatedAt: Timestamp, updatedByName: z.string() }).nullable(),
  /** The published version in force, and every published version, newest first. */
  published: TimetableVersion.extend({ cells: z.array(TimetableCell) }).nullable(),
  versions: z.array(TimetableVersion),
  /** The draft differs from the published version (or nothing is published yet). */
  unpublishedChanges: z.boolean(),
});
export type ClassTimetable = z.infer<typeof ClassTimetable>;

export const TimetableClassParams = z.object({ classId: Id });
export const TimetableSemesterQuery = z.object({ semesterId: Id.optional() });
export const TimetableSaveInput = z.object({ semesterId: Id, cells: z.array(TimetableCellInput).max(TIMETABLE_CELLS_MAX) });
export type TimetableSaveInput = z.input<typeof TimetableSaveInput>;
export const TimetablePublishInput = z.object({ semesterId: Id });

export const TimetableSchoolQuery = z.object({ schoolId: Id.optional(), semesterId: Id.optional() });
export const TimetableClassSummary = z.object({
  classId: Id,
  className: z.string(),
  grade: z.number().int(),
  status: z.enum(['none', 'draft', 'published']),
  compliant: z.boolean().nullable(),
  errors: z.number().int(),
  publishedVersion: z.number().int().nullable(),
  unpublishedChanges: z.boolean(),
});
export type TimetableClassSummary = z.infer<typeof TimetableClassSummary>;
export const TimetableSchoolList = z.object({
  school: z.object({ id: Id, name: z.string() }),
  schools: z.array(z.object({ id: Id, name: z.string() })),
  semester: TimetableSemesterRef,
  classes: z.array(TimetableClassSummary),
});
export type TimetableSchoolList = z.infer<typeof TimetableSchoolList>;

export const TimetableImportQuery = z.object({ schoolId: Id, semesterId: Id.optional() });
export const TimetableTemplateQuery = z.object({ schoolId: Id });
export const TimetableImportError = z.object({ sheet: z.string(), cell: z.string().nullable(), message: z.string() });
export const TimetableImportResult = z.object({
  classes: z.array(z.object({ classId: Id, className: z.string(), periods: z.number().int(), check: TimetableCheckResult })),
});
export type TimetableImportResult = z.infer<typeof TimetableImportResult>;
export const TimetableImportErrors = z.object({
  code: z.literal('IMPORT_INVALID'),
  message: z.string(),
  details: z.object({ errors: z.array(TimetableImportError) }),
});

/** 晒课表: a school's published timetables, without sign-in. */
export const PublicTimetableParams = z.object({ schoolId: Id });
export const PublicTimetablePage = z.object({
  schoolName: z.string(),
  date: LocalDate,
  semester: TimetableSemesterRef.nullable(),
  daysPerWeek: z.number().int(),
  classes: z.array(
    z.object({
      classId: Id,
      className: z.string(),
      grade: z.number().int(),
      periodsPerDay: z.number().int(),
      version: z.number().int(),
      publishedAt: Timestamp,
      cells: z.array(TimetableCell),
    }),
  ),
});
export type PublicTimetablePage = z.infer<typeof PublicTimetablePage>;

/** A parent's view: each child's class timetable (published) and today's weekday. */
export const FamilyTimetable = z.object({
  date: LocalDate,
  weekday: z.number().int(),
  schoolDay: z.boolean(),
  children: z.array(
    z.object({
      studentId: Id,
      studentName: z.string(),
      className: z.string(),
      schoolName: z.string(),
      schoolId: Id,
      daysPerWeek: z.number().int(),
      periodsPerDay: z.number().int(),
      published: TimetableVersion.extend({ cells: z.array(TimetableCell) }).nullable(),
    }),
  ),
});
export type FamilyTimetable = z.infer<typeof FamilyTimetable>;

/** 巡课: what was actually taught in a period. */
export const TaughtPeriodInput = z.object({
  classId: Id,
  date: LocalDate,
  period: z.number().int().min(1).max(TIMETABLE_PERIODS_MAX),
  subject: TimetableSubjectCode,
  note: z.string().trim().max(TIMETABLE_NOTE_MAX).nullish().transform((v) => v || null),
});
export type TaughtPeriodInput = z.input<typeof TaughtPeriodInput>;

export const FINDING_STATUSES = ['open', 'answered', 'closed'] as const;
export const YinYangStatus = z.enum(FINDING_STATUSES);
export type YinYangStatus = z.infer<typeof YinYangStatus>;

export const TaughtPeriod = z.object({
  id: Id,
  classId: Id,
  className: z.string(),
  schoolId: Id,
  schoolName: z.string(),
  date: LocalDate,
  period: z.number().int(),
  subject: TimetableSubjectCode,
  /** What the published timetable in force on the date holds for the period (null: an empty period). */
  timetabled: TimetableSubjectCode.nullable(),
  timetableVersion: z.number().int(),
  conforming: z.boolean(),
  note: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: Timestamp,
  findingId: Id.nullable(),
});
export type TaughtPeriod = z.infer<typeof TaughtPeriod>;
export const TaughtPeriodQuery = z.object({ schoolId: Id.optional(), classId: Id.optional(), from: LocalDate.optional(), to: LocalDate.optional() });

export const YinYangEvent = z.object({ kind: z.enum(['opened', 'answered', 'sent_back', 'closed']), note: z.string().nullable(), byName: z.string(), at: Timestamp });
export const YinYangFinding = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  classId: Id,
  className: z.string(),
  date: LocalDate,
  period: z.number().int(),
  timetabled: TimetableSubjectCode.nullable(),
  taught: TimetableSubjectCode,
  status: YinYangStatus,
  /** "周三第 4 节 课表为 体育与健康，实际上 数学：阴阳课表" */
  message: z.string(),
  events: z.array(YinYangEvent),
  openedAt: Timestamp,
});
export type YinYangFinding = z.infer<typeof YinYangFinding>;
export const YinYangQuery = z.object({ schoolId: Id.optional(), status: YinYangStatus.optional() });
export const YinYangAnswerInput = z.object({ explanation: z.string().trim().min(1).max(TIMETABLE_REASON_MAX) });
export const YinYangDecisionInput = z.object({
  decision: z.enum(['close', 'send_back']),
  reason: z.string().trim().max(TIMETABLE_REASON_MAX).nullish().transform((v) => v || null),
});

/** District → school figures of a semester. */
export const TimetableDashboardQuery = z.object({ semesterId: Id.optional() });
export const TimetableSchoolFigures = z.object({
  schoolId: Id,
  schoolName: z.string(),
  zoneName: z.string(),
  classes: z.number().int(),
  published: z.number().int(),
  compliant: z.number().int(),
  withTimetable: z.number().int(),
  /** Periods short per subject (and 'lab'), summed over the school's classes. */
  shortfalls: z.record(z.string(), z.number().int()),
  findingsOpen: z.number().int(),
  findingsClosed: z.number().int(),
  patrols: z.number().int(),
  patrolsConforming: z.number().int(),
});
export type TimetableSchoolFigures = z.infer<typeof TimetableSchoolFigures>;
export const TimetableDashboard = z.object({
  semester: TimetableSemesterRef,
  semesters: z.array(TimetableSemesterRef),
  total: TimetableSchoolFigures.omit({ schoolId: true, schoolName: true, zoneName: true }),
  schools: z.array(TimetableSchoolFigures),
});
export type TimetableDashboard = z.infer<typeof TimetableDashboard>;
