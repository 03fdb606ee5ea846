/**
 * 综合素质评价 (growth record) requests and answers: entries by dimension (德智体美劳) and kind, bulk entries and the
 * labour-list grid of a class, teachers' comments (per dimension or the class teacher's overall 评语), the class's
 * completion list and a pupil's semester summary (the page a family reads and prints). No answer orders pupils by
 * anything but their student number, and none carries a rank.
 */
import { z } from 'zod';
import { Id, LocalDate } from './common';
import { GrowthDimension, GrowthKind } from './exams';

/** Limits people type. */
export const GROWTH_TITLE_MAX = 60;
export const GROWTH_DETAIL_MAX = 500;
export const GROWTH_COMMENT_MAX = 500;
/** Pupils one bulk entry or one labour-grid save may touch (a class is at most ~60). */
export const GROWTH_BULK_MAX = 80;
export const GROWTH_GRID_TICKS_MAX = 1000;

const text = (max: number, label: string) => z.string().trim().min(1, { message: `请填写${label}` }).max(max, { message: `${label}最多 ${max} 字` });

/** 'overall' is the class teacher's 班主任评语; a dimension, a teacher's comment on it. */
export const GROWTH_COMMENT_SCOPES = ['overall', 'moral', 'intellect', 'physical', 'aesthetic', 'labour'] as const;
export const GrowthCommentScope = z.enum(GROWTH_COMMENT_SCOPES);
export type GrowthCommentScope = z.infer<typeof GrowthCommentScope>;

export const GrowthSemesterQuery = z.object({ semesterId: Id.optional() });
export type GrowthSemesterQuery = z.infer<typeof GrowthSemesterQuery>;
export const GrowthClassParams = z.object({ classId: Id });
export const GrowthStudentParams = z.object({ studentId: Id });

const entryFields = {
  dimension: GrowthDimension,
  kind: GrowthKind,
  date: LocalDate,
  /** A labour task's title defaults to the list's name. */
  title: text(GROWTH_TITLE_MAX, '标题').optional(),
  detail: z.string().trim().max(GROWTH_DETAIL_MAX, { message: `说明最多 ${GROWTH_DETAIL_MAX} 字` }).nullish(),
  /** The district labour list's code: required for a labour task, refused on any other kind. */
  labourCode: z.string().trim().min(1).max(20).nullish(),
};

export const GrowthEntryInput = z.object({ studentId: Id, semesterId: Id.optional(), ...entryFields });
export type GrowthEntryInput = z.infer<typeof GrowthEntryInput>;
/** A correction replaces what was typed; the pupil and the semester stay. */
export const GrowthEntryUpdate = z.object(entryFields);
export type GrowthEntryUpdate = z.infer<typeof GrowthEntryUpdate>;
/** One entry for many pupils of a class in one request (a class activity, a labour task all did). */
export const GrowthBulkInput = z.object({
  semesterId: Id.optional(),
  studentIds: z.array(Id).min(1, { message: '请选择学生' }).max(GROWTH_BULK_MAX),
  ...entryFields,
});
export type GrowthBulkInput = z.infer<typeof GrowthBulkInput>;

export const GrowthEntryView = z.object({
  id: Id,
  studentId: Id,
  semesterId: Id,
  dimension: GrowthDimension,
  kind: GrowthKind,
  date: LocalDate,
  title: z.string(),
  detail: z.string().nullable(),
  labourCode: z.string().nullable(),
  recordedByName: z.string(),
  recordedAt: z.string(),
  /** Whether the caller may correct or delete it (its author or the class teacher). */
  editable: z.boolean(),
});
export type GrowthEntryView = z.infer<typeof GrowthEntryView>;

export const GrowthBulkResult = z.object({ created: z.number().int(), skipped: z.number().int() });
export type GrowthBulkResult = z.infer<typeof GrowthBulkResult>;

/** Labour grid: ticks set or cleared, one entry per pupil, task and semester. */
export const GrowthLabourGridInput = z.object({
  semesterId: Id.optional(),
  date: LocalDate,
  ticks: z.array(z.object({ studentId: Id, code: z.string().trim().min(1).max(20), done: z.boolean() })).min(1).max(GROWTH_GRID_TICKS_MAX),
});
export type GrowthLabourGridInput = z.infer<typeof GrowthLabourGridInput>;
export const GrowthLabourGridResult = z.object({ ticked: z.number().int(), cleared: z.number().int() });
export type GrowthLabourGridResult = z.infer<typeof GrowthLabourGridResult>;

export const GrowthCommentInput = z.object({
  studentId: Id,
  semesterId: Id.optional(),
  scope: GrowthCommentScope,
  text: text(GROWTH_COMMENT_MAX, '评语'),
});
export type GrowthCommentInput = z.infer<typeof GrowthCommentInput>;
export const GrowthCommentView = z.object({
  id: Id,
  scope: GrowthCommentScope,
  text: z.string(),
  authorName: z.string(),
  updatedAt: z.string(),
});
export type GrowthCommentView = z.infer<typeof GrowthCommentView>;

const SkillFigure = z.object({ count: z.number().int(), target: z.number().int(), met: z.boolean(), skills: z.array(z.string()) });
export const GrowthSkills = z.object({ sports: SkillFigure, art: SkillFigure });
export type GrowthSkills = z.infer<typeof GrowthSkills>;

export const GrowthSemesterRef = z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate });
export const GrowthLabourTask = z.object({ code: z.string(), name: z.string() });
export type GrowthLabourTask = z.infer<typeof GrowthLabourTask>;

/** The rule versions an answer was computed under ('exams.growth@<id>'; null = the shipped defaults). */
const policyVersions = z.string().nullable();

/** One pupil's semester: the page a family reads and prints, and the teacher's record view. */
export const GrowthSummary = z.object({
  semester: GrowthSemesterRef,
  semesters: z.array(GrowthSemesterRef),
  student: z.object({ id: Id, name: z.string(), studentNo: z.string(), className: z.string(), grade: z.number().int(), schoolName: z.string() }),
  entries: z.array(GrowthEntryView),
  comments: z.array(GrowthCommentView),
  dimensions: z.array(z.object({ dimension: GrowthDimension, entries: z.number().int() })),
  skills: GrowthSkills,
  complete: z.boolean(),
  missingDimensions: z.array(GrowthDimension),
  missingComment: z.boolean(),
  labourTasks: z.array(GrowthLabourTask),
  /** The caller may record for this pupil, and write the overall comment (the class teacher). */
  canRecord: z.boolean(),
  canCommentOverall: z.boolean(),
  policyVersions,
});
export type GrowthSummary = z.infer<typeof GrowthSummary>;

/** A class's record for a semester: pupils by student number, completion, skills, the labour grid's ticks. */
export const GrowthClassView = z.object({
  semester: GrowthSemesterRef,
  semesters: z.array(GrowthSemesterRef),
  class: z.object({ id: Id, name: z.string(), grade: z.number().int(), schoolName: z.string() }),
  labourTasks: z.array(GrowthLabourTask),
  pupils: z.array(
    z.object({
      studentId: Id,
      name: z.string(),
      studentNo: z.string(),
      dimensions: z.array(z.object({ dimension: GrowthDimension, entries: z.number().int() })),
      comments: z.number().int(),
      complete: z.boolean(),
      missingDimensions: z.array(GrowthDimension),
      missingComment: z.boolean(),
      sportsSkills: z.number().int(),
      artSkills: z.number().int(),
      labourDone: z.array(z.string()),
    }),
  ),
  complete: z.number().int(),
  total: z.number().int(),
  targets: z.object({ sports: z.number().int(), art: z.number().int() }),
  /** The caller is the class's class teacher (or the school's administrator): bulk entries and the grid. */
  canBulk: z.boolean(),
  policyVersions,
});
export type GrowthClassView = z.infer<typeof GrowthClassView>;

/** The classes a teacher or the school reaches, each with growthComplete (complete / pupils) for the semester. */
export const GrowthClassList = z.object({
  semester: GrowthSemesterRef,
  semesters: z.array(GrowthSemesterRef),
  classes: z.array(z.object({ id: Id, name: z.string(), grade: z.number().int(), schoolName: z.string(), complete: z.number().int(), total: z.number().int() })),
});
export type GrowthClassList = z.infer<typeof GrowthClassList>;
