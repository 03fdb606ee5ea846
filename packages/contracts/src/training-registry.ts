/**
 * 校外培训监管 · registry: an institution's registry file (legal form, licence, custody), its venues, staff, training
 * materials, courses and prepaid packages filed for the district's review, and its status (正常/整改/暂停/注销) with
 * the history of every change and its reason.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Phone, Text } from './common';
import { Money, PositiveMoney } from './money';
import { INSTITUTION_STATUSES, LIST_STATUSES } from './org';
import {
  CustodyMode,
  FilingStatus,
  LegalForm,
  LessonMode,
  TRAINING_CLASS_SIZE_MAX,
  TRAINING_LESSON_MINUTES_MAX,
  TRAINING_NAME_MAX,
  TRAINING_PACKAGE_LESSONS_MAX,
  TRAINING_REASON_MAX,
  TRAINING_TEXT_MAX,
  TrainingSubtype,
} from './training';
import { TrainingCategory, TrainingRuleFinding } from './training-rules';

export const REGISTRY_ADDRESS_MAX = 120;
export const REGISTRY_CERT_MAX = 40;
export const REGISTRY_AREA_MAX = 100_000;
export const REGISTRY_CAPACITY_MAX = 5_000;
export const REGISTRY_PACKAGE_MONTHS_MAX = 36;
export const REGISTRY_ACCOUNT_MAX = 40;

export const STAFF_ROLES = ['teacher', 'other'] as const;
export const staffRoleLabels = { teacher: { 'zh-CN': '教学人员', en: 'Teaching staff' }, other: { 'zh-CN': '其他人员', en: 'Other staff' } } as const;
export const BACKGROUND_CHECKS = ['pending', 'passed', 'failed'] as const;
export const backgroundCheckLabels = {
  pending: { 'zh-CN': '待查', en: 'Pending' },
  passed: { 'zh-CN': '无犯罪记录', en: 'Passed' },
  failed: { 'zh-CN': '未通过', en: 'Failed' },
} as const;
export const VENUE_STATUSES = ['active', 'inactive'] as const;
export const InstitutionStatus = z.enum(INSTITUTION_STATUSES);
export type InstitutionStatus = z.infer<typeof InstitutionStatus>;
export const ListStatus = z.enum(LIST_STATUSES);

/** The registry file (training_profiles) beside the organisation's institution row. */
export const RegistryProfile = z.object({
  institutionId: Id,
  institutionName: z.string(),
  licenseNo: z.string(),
  category: TrainingCategory,
  field: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  address: z.string().nullable(),
  status: InstitutionStatus,
  listStatus: ListStatus,
  legalForm: LegalForm,
  licenseIssuer: z.string().nullable(),
  licenseValidUntil: LocalDate.nullable(),
  legalPerson: z.string().nullable(),
  /** Masked for everyone but the institution itself. */
  contactPhone: z.string().nullable(),
  custodyMode: CustodyMode,
  custodyBank: z.string().nullable(),
  custodyAccountNo: z.string().nullable(),
  filingStatus: FilingStatus,
  submittedAt: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type RegistryProfile = z.infer<typeof RegistryProfile>;

export const RegistryProfilePatch = z.object({
  legalForm: LegalForm.optional(),
  licenseIssuer: OptionalText(TRAINING_NAME_MAX).optional(),
  licenseValidUntil: LocalDate.nullish(),
  legalPerson: OptionalText(TRAINING_NAME_MAX).optional(),
  contactPhone: Phone.nullish(),
  custodyMode: CustodyMode.optional(),
  custodyBank: OptionalText(TRAINING_NAME_MAX).optional(),
  custodyAccountNo: OptionalText(REGISTRY_ACCOUNT_MAX).optional(),
});
export type RegistryProfilePatch = z.input<typeof RegistryProfilePatch>;

export const RegistryVenue = z.object({
  id: Id,
  institutionId: Id,
  address: z.string(),
  areaSqm: z.number().int(),
  capacity: z.number().int(),
  fireCertificateNo: z.string().nullable(),
  status: z.enum(VENUE_STATUSES),
});
export type RegistryVenue = z.infer<typeof RegistryVenue>;
export const RegistryVenueInput = z.object({
  institutionId: Id,
  address: Text(REGISTRY_ADDRESS_MAX),
  areaSqm: z.number().int().min(1).max(REGISTRY_AREA_MAX),
  capacity: z.number().int().min(1).max(REGISTRY_CAPACITY_MAX),
  fireCertificateNo: OptionalText(REGISTRY_CERT_MAX),
});
export type RegistryVenueInput = z.input<typeof RegistryVenueInput>;
export const RegistryVenuePatch = RegistryVenueInput.omit({ institutionId: true }).partial().extend({ status: z.enum(VENUE_STATUSES).optional() });
export type RegistryVenuePatch = z.input<typeof RegistryVenuePatch>;

export const RegistryStaff = z.object({
  id: Id,
  institutionId: Id,
  name: z.string(),
  role: z.enum(STAFF_ROLES),
  subtype: TrainingSubtype.nullable(),
  qualification: z.string().nullable(),
  certificateNo: z.string().nullable(),
  /** Masked for everyone but the institution itself. */
  phone: z.string().nullable(),
  backgroundCheck: z.enum(BACKGROUND_CHECKS),
  backgroundCheckedOn: LocalDate.nullable(),
  status: z.enum(['active', 'left']),
});
export type RegistryStaff = z.infer<typeof RegistryStaff>;
export const RegistryStaffInput = z.object({
  institutionId: Id,
  name: Text(TRAINING_NAME_MAX),
  role: z.enum(STAFF_ROLES),
  subtype: TrainingSubtype.nullish().transform((v) => v ?? null),
  qualification: OptionalText(TRAINING_NAME_MAX),
  /** 教师资格证编号: required for teaching staff of a 学科类 institution. */
  certificateNo: OptionalText(REGISTRY_CERT_MAX),
  phone: Phone.nullish().transform((v) => v ?? null),
  backgroundCheck: z.enum(BACKGROUND_CHECKS).default('pending'),
  backgroundCheckedOn: LocalDate.nullish().transform((v) => v ?? null),
});
export type RegistryStaffInput = z.input<typeof RegistryStaffInput>;
export const RegistryStaffPatch = z.object({
  name: Text(TRAINING_NAME_MAX).optional(),
  role: z.enum(STAFF_ROLES).optional(),
  subtype: TrainingSubtype.nullish(),
  qualification: OptionalText(TRAINING_NAME_MAX).optional(),
  certificateNo: OptionalText(REGISTRY_CERT_MAX).optional(),
  phone: Phone.nullish(),
  backgroundCheck: z.enum(BACKGROUND_CHECKS).optional(),
  backgroundCheckedOn: LocalDate.nullish(),
  status: z.enum(['active', 'left']).optional(),
});
export type RegistryStaffPatch = z.input<typeof RegistryStaffPatch>;

export const RegistryMaterial = z.object({
  id: Id,
  institutionId: Id,
  title: z.string(),
  subtype: TrainingSubtype,
  /** Grades it is for, as typed (适用年级: 7–9年级). */
  gradeRange: z.string().nullable(),
  publisher: z.string().nullable(),
  author: z.string().nullable(),
  status: FilingStatus,
  reviewNote: z.string().nullable(),
});
export type RegistryMaterial = z.infer<typeof RegistryMaterial>;
export const RegistryMaterialInput = z.object({
  institutionId: Id,
  title: Text(TRAINING_NAME_MAX),
  subtype: TrainingSubtype,
  gradeRange: OptionalText(TRAINING_NAME_MAX),
  publisher: OptionalText(TRAINING_NAME_MAX),
  author: OptionalText(TRAINING_NAME_MAX),
});
export type RegistryMaterialInput = z.input<typeof RegistryMaterialInput>;
export const RegistryMaterialPatch = RegistryMaterialInput.omit({ institutionId: true }).partial();

export const RegistryCourse = z.object({
  id: Id,
  institutionId: Id,
  name: z.string(),
  subtype: TrainingSubtype,
  category: TrainingCategory,
  mode: LessonMode,
  lessonMinutes: z.number().int(),
  maxClassSize: z.number().int(),
  pricePerLessonFen: z.number().int(),
  /** Grades it is for, as typed (适用年级: 7–9年级). */
  gradeRange: z.string().nullable(),
  description: z.string().nullable(),
  status: FilingStatus,
  findings: z.array(TrainingRuleFinding),
  reviewNote: z.string().nullable(),
});
export type RegistryCourse = z.infer<typeof RegistryCourse>;
export const RegistryCourseInput = z.object({
  institutionId: Id,
  name: Text(TRAINING_NAME_MAX),
  subtype: TrainingSubtype,
  mode: LessonMode,
  lessonMinutes: z.number().int().min(1).max(TRAINING_LESSON_MINUTES_MAX),
  maxClassSize: z.number().int().min(1).max(TRAINING_CLASS_SIZE_MAX),
  pricePerLessonFen: Money,
  gradeRange: OptionalText(TRAINING_NAME_MAX),
  description: OptionalText(TRAINING_TEXT_MAX),
});
export type RegistryCourseInput = z.input<typeof RegistryCourseInput>;
export const RegistryCoursePatch = RegistryCourseInput.omit({ institutionId: true }).partial();
export type RegistryCoursePatch = z.input<typeof RegistryCoursePatch>;

export const RegistryPackage = z.object({
  id: Id,
  institutionId: Id,
  courseId: Id,
  courseName: z.string(),
  name: z.string(),
  lessons: z.number().int(),
  months: z.number().int(),
  priceFen: z.number().int(),
  status: FilingStatus,
  findings: z.array(TrainingRuleFinding),
  reviewNote: z.string().nullable(),
});
export type RegistryPackage = z.infer<typeof RegistryPackage>;
export const RegistryPackageInput = z.object({
  courseId: Id,
  name: Text(TRAINING_NAME_MAX),
  lessons: z.number().int().min(1).max(TRAINING_PACKAGE_LESSONS_MAX),
  months: z.number().int().min(1).max(REGISTRY_PACKAGE_MONTHS_MAX),
  priceFen: PositiveMoney,
});
export type RegistryPackageInput = z.input<typeof RegistryPackageInput>;
export const RegistryPackagePatch = RegistryPackageInput.omit({ courseId: true }).partial();
export type RegistryPackagePatch = z.input<typeof RegistryPackagePatch>;

export const RegistryStatusEvent = z.object({
  id: Id,
  fromStatus: z.string(),
  toStatus: z.string(),
  fromList: z.string(),
  toList: z.string(),
  reason: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type RegistryStatusEvent = z.infer<typeof RegistryStatusEvent>;

/** Everything on an institution's file: what the institution edits and what the district and inspectors read. */
export const RegistryFile = z.object({
  profile: RegistryProfile,
  venues: z.array(RegistryVenue),
  staff: z.array(RegistryStaff),
  materials: z.array(RegistryMaterial),
  courses: z.array(RegistryCourse),
  packages: z.array(RegistryPackage),
  history: z.array(RegistryStatusEvent),
  /** Whether the caller may edit (its own institution, training.file) and review (training.review). */
  canFile: z.boolean(),
  canReview: z.boolean(),
});
export type RegistryFile = z.infer<typeof RegistryFile>;

/** One institution in the district's list, with what waits for review. */
export const RegistryInstitution = RegistryProfile.pick({
  institutionId: true,
  institutionName: true,
  licenseNo: true,
  category: true,
  field: true,
  zoneId: true,
  zoneName: true,
  status: true,
  listStatus: true,
  filingStatus: true,
}).extend({ waiting: z.number().int(), courses: z.number().int() });
export type RegistryInstitution = z.infer<typeof RegistryInstitution>;

export const FILING_KINDS = ['profile', 'course', 'package', 'material'] as const;
export const FilingKind = z.enum(FILING_KINDS);
export type FilingKind = z.infer<typeof FilingKind>;
export const filingKindLabels: Record<FilingKind, { 'zh-CN': string; en: string }> = {
  profile: { 'zh-CN': '机构备案', en: 'Registry file' },
  course: { 'zh-CN': '课程', en: 'Course' },
  package: { 'zh-CN': '课时包', en: 'Package' },
  material: { 'zh-CN': '培训材料', en: 'Material' },
};

/** A filing waiting for the district (待审核). */
export const RegistryQueueItem = z.object({
  kind: FilingKind,
  /** The institution's id for a profile, the row's id otherwise. */
  id: Id,
  institutionId: Id,
  institutionName: z.string(),
  title: z.string(),
  detail: z.string(),
  submittedAt: z.string().nullable(),
  findings: z.array(TrainingRuleFinding),
});
export type RegistryQueueItem = z.infer<typeof RegistryQueueItem>;

export const RegistryReviewInput = z
  .object({
    kind: FilingKind,
    id: Id,
    decision: z.enum(['approve', 'return']),
    note: OptionalText(TRAINING_REASON_MAX),
  })
  .refine((v) => v.decision === 'approve' || !!v.note, { message: '退回须写明原因', path: ['note'] });
export type RegistryReviewInput = z.input<typeof RegistryReviewInput>;

export const RegistryStatusInput = z.object({
  status: InstitutionStatus,
  reason: Text(TRAINING_REASON_MAX),
  /** A serious finding (严重违规): the institution goes on the black list whatever the status. */
  serious: z.boolean().default(false),
});
export type RegistryStatusInput = z.input<typeof RegistryStatusInput>;
