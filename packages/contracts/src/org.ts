/** Organisation model: district → zones → schools → classes → students, guardians, subjects, staff, institutions. */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, pageOf, PageQuery, Phone, Text, Timestamp } from './common';
import { ID_NUMBER_LENGTH, normalizeIdNumber } from '@shuangjian/policy';
import { Role } from './access';

// Limits of what people enter, named once: the schemas below use them and the web's forms import them.
export const ZONE_NAME_MAX = 50;
export const SCHOOL_NAME_MAX = 60;
/** A school's or an institution's address. */
export const ADDRESS_MAX = 200;
export const CLASS_NAME_MAX = 20;
export const ENTRY_YEAR_MIN = 2000;
export const ENTRY_YEAR_MAX = 2100;
/** A student's, a guardian's or a staff member's name. */
export const PERSON_NAME_MAX = 30;
export const SENSITIVE_NOTE_MAX = 500;
/** A pupil's home address (家庭住址). */
export const HOME_ADDRESS_MAX = 200;
export const SUBJECT_NAME_MAX = 20;
export const SUBJECT_SORT_MAX = 999;
export const INSTITUTION_NAME_MAX = 80;
export const LICENSE_NO_MAX = 40;
export const INSTITUTION_FIELD_MAX = 20;
/** A school's or a subject's code, and a student number. */
export const CODE_MAX = 20;
export const SUBJECT_CODE_PATTERN = new RegExp(`^[a-z_]{2,${CODE_MAX}}$`);
export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const USERNAME_PATTERN = new RegExp(`^[A-Za-z0-9_.-]{${USERNAME_MIN},${USERNAME_MAX}}$`);

export const SCHOOL_TYPES = ['primary', 'junior', 'nine_year'] as const;
export const SchoolType = z.enum(SCHOOL_TYPES);
export const schoolTypeLabels = { primary: '小学', junior: '初中', nine_year: '九年一贯制' } as const;
export const gradesOf = { primary: [1, 2, 3, 4, 5, 6], junior: [7, 8, 9], nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9] } as const;
export const gradeNames = ['', '一年级', '二年级', '三年级', '四年级', '五年级', '六年级', '七年级', '八年级', '九年级'] as const;

export const Grade = z.number().int().min(1).max(9);

export const ZONE_KINDS = ['street', 'town', 'zone'] as const;
export const Zone = z.object({ id: Id, name: z.string(), kind: z.enum(ZONE_KINDS), schoolCount: z.number().int() });
export const ZoneInput = z.object({ name: Text(ZONE_NAME_MAX), kind: z.enum(ZONE_KINDS) });

export const District = z.object({ id: Id, name: z.string(), code: z.string(), timezone: z.string() });

export const School = z.object({
  id: Id,
  zoneId: Id,
  zoneName: z.string(),
  code: z.string(),
  name: z.string(),
  type: SchoolType,
  grades: z.array(Grade),
  address: z.string().nullable(),
  classCount: z.number().int(),
  studentCount: z.number().int(),
});
export const SchoolInput = z
  .object({
    zoneId: Id,
    code: z.string().trim().regex(new RegExp(`^[A-Za-z0-9-]{2,${CODE_MAX}}$`), { message: `应为 2–${CODE_MAX} 位字母、数字或短横线` }),
    name: Text(SCHOOL_NAME_MAX),
    type: SchoolType,
    grades: z.array(Grade).min(1).optional(),
    address: OptionalText(ADDRESS_MAX),
  })
  .transform((s) => ({ ...s, grades: [...new Set(s.grades ?? gradesOf[s.type])].sort((a, b) => a - b) }));

export const SchoolClass = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  grade: Grade,
  name: z.string(),
  entryYear: z.number().int(),
  studentCount: z.number().int(),
  classTeacher: z.object({ id: Id, name: z.string() }).nullable(),
});
export const ClassInput = z.object({
  schoolId: Id,
  grade: Grade,
  name: Text(CLASS_NAME_MAX),
  entryYear: z.number().int().min(ENTRY_YEAR_MIN).max(ENTRY_YEAR_MAX),
});
export const ClassQuery = z.object({ schoolId: Id.optional(), grade: z.coerce.number().int().min(1).max(9).optional() });

export const GENDERS = ['M', 'F'] as const;
export const Gender = z.enum(GENDERS);
export const STUDENT_STATUSES = ['active', 'transferred', 'graduated'] as const;

/** 留守/单亲/困难/残疾/学困: sensitive personal data, answered only to roles holding student.sensitive.read. */
export const SensitiveFlags = z.object({
  leftBehind: z.boolean(),
  singleParent: z.boolean(),
  hardship: z.boolean(),
  disability: z.boolean(),
  /** 学困: a pupil with learning difficulties (学困生). */
  learningDifficulty: z.boolean(),
  note: z.string().nullable(),
});
export const SensitiveInput = z.object({
  leftBehind: z.boolean(),
  singleParent: z.boolean(),
  hardship: z.boolean(),
  disability: z.boolean(),
  learningDifficulty: z.boolean().default(false),
  note: OptionalText(SENSITIVE_NOTE_MAX),
});

export const GuardianOfStudent = z.object({
  id: Id,
  name: z.string(),
  phone: z.string(),
  relation: z.string(),
  hasAccount: z.boolean(),
});

export const Student = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  classId: Id,
  className: z.string(),
  grade: Grade,
  studentNo: z.string(),
  name: z.string(),
  gender: Gender,
  birthDate: LocalDate,
  status: z.enum(STUDENT_STATUSES),
  /**
   * 居民身份证号 and 家庭住址, null when none is recorded. In full in a pupil's detail for the class teacher, the
   * school's administrator and the pupil's own parents (student.identity.read); masked everywhere else and in lists.
   */
  idNumber: z.string().nullable(),
  address: z.string().nullable(),
  /** true when idNumber and address are answered masked. */
  identityMasked: z.boolean(),
  /** null when the reader may not see the sensitive flags. */
  sensitive: SensitiveFlags.nullable(),
});
export const StudentDetail = Student.extend({ guardians: z.array(GuardianOfStudent).nullable() });

export const StudentInput = z.object({
  classId: Id,
  studentNo: z.string().trim().regex(new RegExp(`^[A-Za-z0-9]{4,${CODE_MAX}}$`), { message: `应为 4–${CODE_MAX} 位字母或数字` }),
  name: Text(PERSON_NAME_MAX),
  gender: Gender,
  birthDate: LocalDate,
  /**
   * Optional (pupils from Hong Kong, Macao, Taiwan or abroad may have none); null or empty clears it. The service checks
   * the number (format, birth date, check digit), after the access check: a foreign pupil is a 404 whatever the body.
   */
  idNumber: z.string().trim().max(ID_NUMBER_LENGTH).nullish().transform((v) => (v ? normalizeIdNumber(v) : null)),
  address: OptionalText(HOME_ADDRESS_MAX),
});
export const StudentPatch = StudentInput.partial().extend({ status: z.enum(STUDENT_STATUSES).optional() });
export const StudentQuery = PageQuery.extend({ schoolId: Id.optional(), classId: Id.optional(), grade: z.coerce.number().int().min(1).max(9).optional() });
export const StudentPage = pageOf(Student);

export const RELATIONS = ['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他监护人'] as const;
export const GuardianInput = z.object({ name: Text(PERSON_NAME_MAX), phone: Phone, relation: z.enum(RELATIONS) });

export const Subject = z.object({ id: Id, code: z.string(), name: z.string(), sort: z.number().int() });
export const SubjectInput = z.object({
  code: z.string().trim().regex(SUBJECT_CODE_PATTERN, { message: `应为 2–${CODE_MAX} 位小写字母或下划线` }),
  name: Text(SUBJECT_NAME_MAX),
  sort: z.number().int().min(0).max(SUBJECT_SORT_MAX).default(100),
});

export const Assignment = z.object({
  id: Id,
  role: Role,
  zoneId: Id.nullable(),
  zoneName: z.string().nullable(),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  classId: Id.nullable(),
  className: z.string().nullable(),
  grade: Grade.nullable(),
  subjectId: Id.nullable(),
  subjectName: z.string().nullable(),
  institutionId: Id.nullable(),
  institutionName: z.string().nullable(),
});
export const AssignmentInput = z.object({
  role: Role.exclude(['parent']),
  zoneId: Id.nullish(),
  schoolId: Id.nullish(),
  classId: Id.nullish(),
  grade: Grade.nullish(),
  subjectId: Id.nullish(),
  institutionId: Id.nullish(),
});
export type AssignmentInput = z.infer<typeof AssignmentInput>;

export const Username = z
  .string()
  .trim()
  .regex(USERNAME_PATTERN, { message: `应为 ${USERNAME_MIN}–${USERNAME_MAX} 位字母、数字、下划线、点或短横线` });

export const StaffMember = z.object({
  id: Id,
  username: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  locked: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: Timestamp.nullable(),
  assignments: z.array(Assignment),
});
export const StaffQuery = PageQuery.extend({ schoolId: Id.optional(), role: Role.optional() });
export const StaffPage = pageOf(StaffMember);
export const StaffInput = z.object({
  username: Username,
  name: Text(PERSON_NAME_MAX),
  phone: Phone.nullish(),
  assignments: z.array(AssignmentInput).min(1).max(20),
});
export const StaffPatch = z.object({
  name: Text(PERSON_NAME_MAX).optional(),
  phone: Phone.nullish(),
  status: z.enum(['active', 'disabled']).optional(),
});
export const Credential = z.object({ name: z.string(), username: z.string(), initialPassword: z.string() });
export const StaffCreated = z.object({ staff: StaffMember, credential: Credential });

export const INSTITUTION_CATEGORIES = ['subject', 'non_subject'] as const;
export const institutionCategoryLabels = { subject: '学科类', non_subject: '非学科类' } as const;
export const LIST_STATUSES = ['white', 'black', 'none'] as const;
/** 正常 / 整改 / 暂停 / 注销: the training module's registry changes it with a reason (training-registry). */
export const INSTITUTION_STATUSES = ['active', 'rectifying', 'suspended', 'closed'] as const;
export const Institution = z.object({
  id: Id,
  zoneId: Id,
  zoneName: z.string(),
  name: z.string(),
  licenseNo: z.string(),
  category: z.enum(INSTITUTION_CATEGORIES),
  field: z.string(),
  status: z.enum(INSTITUTION_STATUSES),
  listStatus: z.enum(LIST_STATUSES),
  address: z.string().nullable(),
});
export const InstitutionInput = z.object({
  zoneId: Id,
  name: Text(INSTITUTION_NAME_MAX),
  licenseNo: Text(LICENSE_NO_MAX),
  category: z.enum(INSTITUTION_CATEGORIES),
  field: Text(INSTITUTION_FIELD_MAX),
  address: OptionalText(ADDRESS_MAX),
});
export const InstitutionPatch = InstitutionInput.partial().extend({
  status: z.enum(INSTITUTION_STATUSES).optional(),
  listStatus: z.enum(LIST_STATUSES).optional(),
});
export const PublicInstitution = Institution.pick({ id: true, name: true, licenseNo: true, category: true, field: true, listStatus: true, zoneName: true, address: true });

export const OrgOverview = z.object({
  zones: z.number().int(),
  schools: z.number().int(),
  classes: z.number().int(),
  students: z.number().int(),
  staff: z.number().int(),
  institutions: z.number().int(),
});
