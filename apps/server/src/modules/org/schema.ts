/** Organisation tables: zones, schools, classes, students, guardians, subjects, institutions, staff role assignments. */
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  pgTable,
  pgView,
  primaryKey,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { ROLES } from '@shuangjian/contracts';
import { defineScope } from '../../platform/access';
import { createdAt, districtKey, users } from '../../platform/schema';


/** 学区 / 乡镇 / 街道 education centre. */
export const zones = pgTable(
  'zones',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['street', 'town', 'zone'] }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), unique('zones_name_uq').on(t.districtId, t.name)],
);

export const schools = pgTable(
  'schools',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    zoneId: uuid('zone_id').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    type: text('type', { enum: ['primary', 'junior', 'nine_year'] }).notNull(),
    grades: smallint('grades').array().notNull(),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.zoneId], foreignColumns: [zones.districtId, zones.id] }),
    unique('schools_code_uq').on(t.districtId, t.code),
    unique('schools_name_uq').on(t.districtId, t.name),
    index('schools_zone_idx').on(t.districtId, t.zoneId),
  ],
);

export const classes = pgTable(
  'classes',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    grade: smallint('grade').notNull(),
    name: text('name').notNull(),
    entryYear: smallint('entry_year').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('classes_school_id_uq').on(t.districtId, t.schoolId, t.id),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    unique('classes_name_uq').on(t.districtId, t.schoolId, t.grade, t.name),
    check('classes_grade_ck', sql`${t.grade} between 1 and 9`),
  ],
);

export const students = pgTable(
  'students',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    schoolId: uuid('school_id').notNull(),
    classId: uuid('class_id').notNull(),
    studentNo: text('student_no').notNull(),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['M', 'F'] }).notNull(),
    birthDate: date('birth_date', { mode: 'string' }).notNull(),
    status: text('status', { enum: ['active', 'transferred', 'graduated'] }).notNull().default('active'),
    /** 居民身份证号, sealed at rest (platform/crypto.ts); `id_number_hash` is its blind index (duplicates, look-ups). */
    idNumber: text('id_number'),
    idNumberHash: text('id_number_hash'),
    /** 家庭住址, sealed at rest. */
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    // the class must belong to the school the row names
    foreignKey({
      columns: [t.districtId, t.schoolId, t.classId],
      foreignColumns: [classes.districtId, classes.schoolId, classes.id],
    }),
    unique('students_no_uq').on(t.districtId, t.studentNo),
    unique('students_id_number_uq').on(t.districtId, t.idNumberHash),
    index('students_class_idx').on(t.districtId, t.classId, t.name),
    index('students_school_idx').on(t.districtId, t.schoolId),
  ],
);

/**
 * 留守/单亲/困难/残疾/学困 and the note: kept apart from the student row so reading it is always an explicit,
 * permission-checked act, and sealed at rest (platform/crypto.ts): `data` is the sealed JSON of SensitiveRecord.
 * `special` (any of the five flags) stays readable by the database: the class counts and the visit rule for special
 * pupils are set-based; which flag, and the note, are never in plaintext.
 */
export const studentSensitive = pgTable(
  'student_sensitive',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    special: boolean('special').notNull().default(false),
    data: text('data').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
  ],
);

/** A guardian: the phone is sealed at rest; `phone_hash` is its blind index, the one column look-ups by phone match. */
export const guardians = pgTable(
  'guardians',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    phone: text('phone').notNull(),
    phoneHash: text('phone_hash'),
    userId: uuid('user_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    unique('guardians_phone_uq').on(t.districtId, t.phoneHash),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }),
    index('guardians_user_idx').on(t.districtId, t.userId),
  ],
);

export const guardianLinks = pgTable(
  'guardian_links',
  {
    districtId: districtKey(),
    studentId: uuid('student_id').notNull(),
    guardianId: uuid('guardian_id').notNull(),
    relation: text('relation').notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.studentId, t.guardianId] }),
    foreignKey({ columns: [t.districtId, t.studentId], foreignColumns: [students.districtId, students.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.guardianId], foreignColumns: [guardians.districtId, guardians.id] }),
    index('guardian_links_guardian_idx').on(t.districtId, t.guardianId),
  ],
);

export const subjects = pgTable(
  'subjects',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    sort: smallint('sort').notNull().default(100),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.id] }), unique('subjects_code_uq').on(t.districtId, t.code)],
);

/** Off-campus training institutions (校外培训机构): part of the district's organisation, supervised by module M3. */
export const institutions = pgTable(
  'institutions',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    zoneId: uuid('zone_id').notNull(),
    name: text('name').notNull(),
    licenseNo: text('license_no').notNull(),
    category: text('category', { enum: ['subject', 'non_subject'] }).notNull(),
    field: text('field').notNull(),
    status: text('status', { enum: ['active', 'rectifying', 'suspended', 'closed'] }).notNull().default('active'),
    listStatus: text('list_status', { enum: ['white', 'black', 'none'] }).notNull().default('none'),
    address: text('address'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.zoneId], foreignColumns: [zones.districtId, zones.id] }),
    unique('institutions_license_uq').on(t.districtId, t.licenseNo),
  ],
);

/** A person's role at a place: class teacher of one class, teacher of a subject in three, school admin, … */
export const roleAssignments = pgTable(
  'role_assignments',
  {
    districtId: districtKey(),
    id: uuid('id').notNull().defaultRandom(),
    userId: uuid('user_id').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    zoneId: uuid('zone_id'),
    schoolId: uuid('school_id'),
    classId: uuid('class_id'),
    grade: smallint('grade'),
    subjectId: uuid('subject_id'),
    institutionId: uuid('institution_id'),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.id] }),
    foreignKey({ columns: [t.districtId, t.userId], foreignColumns: [users.districtId, users.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.districtId, t.zoneId], foreignColumns: [zones.districtId, zones.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId], foreignColumns: [schools.districtId, schools.id] }),
    foreignKey({ columns: [t.districtId, t.schoolId, t.classId], foreignColumns: [classes.districtId, classes.schoolId, classes.id] }),
    foreignKey({ columns: [t.districtId, t.subjectId], foreignColumns: [subjects.districtId, subjects.id] }),
    foreignKey({ columns: [t.districtId, t.institutionId], foreignColumns: [institutions.districtId, institutions.id] }),
    index('role_assignments_user_idx').on(t.districtId, t.userId),
    index('role_assignments_school_idx').on(t.districtId, t.schoolId, t.role),
    index('role_assignments_class_idx').on(t.districtId, t.classId, t.role),
    uniqueIndex('role_assignments_uq').on(
      t.districtId,
      t.userId,
      t.role,
      sql`coalesce(${t.zoneId}, '00000000-0000-0000-0000-000000000000')`,
      sql`coalesce(${t.schoolId}, '00000000-0000-0000-0000-000000000000')`,
      sql`coalesce(${t.classId}, '00000000-0000-0000-0000-000000000000')`,
      sql`coalesce(${t.grade}, 0)`,
      sql`coalesce(${t.subjectId}, '00000000-0000-0000-0000-000000000000')`,
      sql`coalesce(${t.institutionId}, '00000000-0000-0000-0000-000000000000')`,
    ),
  ],
);

// Tables whose own id is a scope key.
defineScope(zones, { district: zones.districtId, zone: zones.id });
defineScope(schools, { district: schools.districtId, zone: schools.zoneId, school: schools.id });
defineScope(classes, { district: classes.districtId, school: classes.schoolId, class: classes.id });
defineScope(students, { district: students.districtId, school: students.schoolId, class: students.classId, student: students.id });
defineScope(institutions, { district: institutions.districtId, zone: institutions.zoneId, institution: institutions.id });
// School-level assignments leave zone, class and institution empty; a district-level one leaves the school empty too.
defineScope(roleAssignments, {
  district: roleAssignments.districtId,
  zone: roleAssignments.zoneId,
  school: roleAssignments.schoolId,
  class: roleAssignments.classId,
  institution: roleAssignments.institutionId,
  nullable: ['zone', 'class', 'institution'],
});

/*
 * Read models: what other modules may read of the organisation, as views. They join them (one query, no N+1) without
 * knowing org's tables, which stay free to change behind these shapes. Exported through the module's index.ts.
 * The views are created by hand-written SQL in the migrations (0005_org_directory.sql): a change to a shape here is a
 * new migration that replaces the view.
 */

/** A class with its grade, school and zone. */
export const classDirectory = pgView('class_directory', {
  districtId: uuid('district_id').notNull(),
  id: uuid('id').notNull(),
  name: text('name').notNull(),
  grade: smallint('grade').notNull(),
  entryYear: smallint('entry_year').notNull(),
  schoolId: uuid('school_id').notNull(),
  schoolName: text('school_name').notNull(),
  schoolCode: text('school_code').notNull(),
  schoolType: text('school_type', { enum: ['primary', 'junior', 'nine_year'] }).notNull(),
  zoneId: uuid('zone_id').notNull(),
}).existing();

/** A student with the class, grade, school and zone they are in now. */
export const studentDirectory = pgView('student_directory', {
  districtId: uuid('district_id').notNull(),
  id: uuid('id').notNull(),
  name: text('name').notNull(),
  studentNo: text('student_no').notNull(),
  status: text('status', { enum: ['active', 'transferred', 'graduated'] }).notNull(),
  classId: uuid('class_id').notNull(),
  className: text('class_name').notNull(),
  grade: smallint('grade').notNull(),
  schoolId: uuid('school_id').notNull(),
  schoolName: text('school_name').notNull(),
  zoneId: uuid('zone_id').notNull(),
}).existing();

/** A school with its zone's name. */
export const schoolDirectory = pgView('school_directory', {
  districtId: uuid('district_id').notNull(),
  id: uuid('id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  type: text('type', { enum: ['primary', 'junior', 'nine_year'] }).notNull(),
  zoneId: uuid('zone_id').notNull(),
  zoneName: text('zone_name').notNull(),
}).existing();

/** The district's subjects in display order. */
export const subjectDirectory = pgView('subject_directory', {
  districtId: uuid('district_id').notNull(),
  id: uuid('id').notNull(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  sort: smallint('sort').notNull(),
}).existing();

/** A training institution with its zone's name, status and list (the training module joins this, not the table). */
export const institutionDirectory = pgView('institution_directory', {
  districtId: uuid('district_id').notNull(),
  id: uuid('id').notNull(),
  zoneId: uuid('zone_id').notNull(),
  zoneName: text('zone_name').notNull(),
  name: text('name').notNull(),
  licenseNo: text('license_no').notNull(),
  category: text('category', { enum: ['subject', 'non_subject'] }).notNull(),
  field: text('field').notNull(),
  status: text('status', { enum: ['active', 'rectifying', 'suspended', 'closed'] }).notNull(),
  listStatus: text('list_status', { enum: ['white', 'black', 'none'] }).notNull(),
}).existing();

defineScope(classDirectory, { district: classDirectory.districtId, zone: classDirectory.zoneId, school: classDirectory.schoolId, class: classDirectory.id });
defineScope(studentDirectory, {
  district: studentDirectory.districtId,
  zone: studentDirectory.zoneId,
  school: studentDirectory.schoolId,
  class: studentDirectory.classId,
  student: studentDirectory.id,
});
defineScope(schoolDirectory, { district: schoolDirectory.districtId, zone: schoolDirectory.zoneId, school: schoolDirectory.id });
defineScope(institutionDirectory, { district: institutionDirectory.districtId, zone: institutionDirectory.zoneId, institution: institutionDirectory.id });
