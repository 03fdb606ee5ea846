/**
 * 一人一档: a special student's file (care plan, stand-in parent 代理家长 for a left-behind child, care records) and the
 * school's designated care staff (关爱专干). Readable only by the class teacher of the pupil's class, the school's care
 * staff, the school's administrator and the district administrator; every read is in the audit log.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, PageQuery, pageOf, Text } from './common';

export const CARE_GOALS_MAX = 1000;
export const CARE_MEASURES_MAX = 2000;
export const CARE_CONTENT_MAX = 2000;
export const CARE_FOLLOW_UP_MAX = 500;

/** 谈心 / 心理辅导 / 家访 / 学业帮扶 / 资助 / 亲情电话. */
export const CARE_KINDS = ['talk', 'counselling', 'visit', 'study_help', 'material_aid', 'family_call'] as const;
export const CareKind = z.enum(CARE_KINDS);
export type CareKind = z.infer<typeof CareKind>;

/** The org's sensitive flags a file is opened for. */
export const SpecialFlagsOf = z.object({
  leftBehind: z.boolean(),
  singleParent: z.boolean(),
  hardship: z.boolean(),
  disability: z.boolean(),
  learningDifficulty: z.boolean(),
});
export type SpecialFlagsOf = z.infer<typeof SpecialFlagsOf>;

export const SpecialStudent = z.object({
  studentId: Id,
  name: z.string(),
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  flags: SpecialFlagsOf,
  hasFile: z.boolean(),
  standInName: z.string().nullable(),
  lastCareDate: LocalDate.nullable(),
  visitsThisSemester: z.number().int(),
});
export type SpecialStudent = z.infer<typeof SpecialStudent>;
/** A class with special pupils the reader may read: the register's school and class filters offer these. */
export const SpecialClassOption = z.object({ id: Id, name: z.string(), schoolId: Id, schoolName: z.string() });
/** One page of the register, in school, grade, class, name order; `total` and `belowMin` count every matching pupil. */
export const SpecialStudentList = pageOf(SpecialStudent).extend({
  /** Matching pupils visited fewer times this semester than `specialMin`. */
  belowMin: z.number().int(),
  specialMin: z.number().int(),
  policyVersions: z.string().nullable(),
  classes: z.array(SpecialClassOption),
});
export type SpecialStudentList = z.infer<typeof SpecialStudentList>;
export const SPECIAL_FLAGS = ['leftBehind', 'singleParent', 'hardship', 'disability', 'learningDifficulty'] as const satisfies readonly (keyof SpecialFlagsOf)[];
export const SpecialFlag = z.enum(SPECIAL_FLAGS);
export type SpecialFlag = z.infer<typeof SpecialFlag>;
/**
 * The register's page and filters: school, class, one flag (matched on the opened flags: they are sealed at rest),
 * whether the file is opened (`true`) or not yet (`false`), and a part of the pupil's name (`q`).
 */
export const SpecialListQuery = PageQuery.extend({
  schoolId: Id.optional(),
  classId: Id.optional(),
  flag: SpecialFlag.optional(),
  hasFile: z.enum(['true', 'false']).optional(),
});
export type SpecialListQuery = z.infer<typeof SpecialListQuery>;

export const CareRecord = z.object({
  id: Id,
  kind: CareKind,
  date: LocalDate,
  byName: z.string(),
  content: z.string(),
  followUp: z.string().nullable(),
});
export type CareRecord = z.infer<typeof CareRecord>;

export const SpecialFile = SpecialStudent.extend({
  note: z.string().nullable(),
  goals: z.string().nullable(),
  measures: z.string().nullable(),
  responsible: z.string().nullable(),
  standInId: Id.nullable(),
  /** The stand-in parent's phone, for the class teacher to reach them. */
  standInPhone: z.string().nullable(),
  /** Visits a special pupil needs a semester (home-school.visits: specialMin). */
  specialMin: z.number().int(),
  /** A left-behind child must have a stand-in parent (home-school.care: standInRequired). */
  standInRequired: z.boolean(),
  records: z.array(CareRecord),
  /** Staff of the school who may be stand-in parents. */
  staff: z.array(z.object({ id: Id, name: z.string() })),
  canWrite: z.boolean(),
});
export type SpecialFile = z.infer<typeof SpecialFile>;
export const SpecialStudentParams = z.object({ studentId: Id });

export const CarePlanInput = z.object({
  goals: OptionalText(CARE_GOALS_MAX),
  measures: OptionalText(CARE_MEASURES_MAX),
  responsible: OptionalText(200),
  standInId: Id.nullish().transform((v) => v ?? null),
});
export type CarePlanInput = z.infer<typeof CarePlanInput>;

export const CareRecordInput = z.object({
  kind: CareKind,
  date: LocalDate,
  content: Text(CARE_CONTENT_MAX),
  followUp: OptionalText(CARE_FOLLOW_UP_MAX),
});
export type CareRecordInput = z.infer<typeof CareRecordInput>;

export const CareStaff = z.object({ userId: Id, name: z.string(), schoolId: Id, schoolName: z.string() });
export const CareStaffList = z.object({ items: z.array(CareStaff), candidates: z.array(z.object({ id: Id, name: z.string(), schoolId: Id })) });
export const CareStaffInput = z.object({ schoolId: Id, userId: Id });
export const CareStaffParams = z.object({ schoolId: Id, userId: Id });
