/**
 * Roster spreadsheets per school: classes, students with guardians, staff. Import checks every row first and either
 * commits all of them in one transaction or answers every bad row (row, column, reason) and writes nothing.
 */
import { gradeNames, type Role, roleLabels, type RosterEntity, type RowError } from '@shuangjian/contracts';
import { isLocalDate, maskPhone } from '@shuangjian/policy';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { allows, type Ctx } from '../../platform/access';
import { auditMany, type AuditEntryInput } from '../../platform/audit';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { AppError } from '../../platform/errors';
import { buildWorkbook, readSheet, type SheetColumn, type SheetRow } from '../../platform/excel';
import { users } from '../../platform/schema';
import { classes, guardianLinks, guardians, roleAssignments, schools, students, subjects } from './schema';
import { manageableSchool } from './structure.service';

const C = {
  grade: { header: '年级', key: 'grade', width: 10, note: '1–9 或 一年级…九年级' },
  className: { header: '班级名称', key: 'className', width: 16, note: '如 三年级(2)班，与班级名单一致' },
  entryYear: { header: '入学年份', key: 'entryYear', width: 10, note: '四位年份，如 2024' },
  studentNo: { header: '学号', key: 'studentNo', width: 16, note: '全区唯一，4–20 位字母或数字' },
  name: { header: '姓名', key: 'name', width: 12 },
  gender: { header: '性别', key: 'gender', width: 8, note: '男 或 女' },
  birthDate: { header: '出生日期', key: 'birthDate', width: 14, note: 'YYYY-MM-DD' },
  g1Name: { header: '监护人1姓名', key: 'g1Name', width: 12 },
  g1Phone: { header: '监护人1手机', key: 'g1Phone', width: 14 },
  g1Relation: { header: '监护人1关系', key: 'g1Relation', width: 12, note: '父亲/母亲/祖父/祖母/外祖父/外祖母/其他监护人' },
  g2Name: { header: '监护人2姓名', key: 'g2Name', width: 12 },
  g2Phone: { header: '监护人2手机', key: 'g2Phone', width: 14 },
  g2Relation: { header: '监护人2关系', key: 'g2Relation', width: 12 },
  username: { header: '用户名', key: 'username', width: 16, note: '登录名，3–32 位字母、数字、下划线、点或短横线' },
  phone: { header: '手机', key: 'phone', width: 14 },
  role: { header: '岗位', key: 'role', width: 14, note: '学校管理员（教务处）/年级组长/学科组长/班主任/任课教师' },
  subject: { header: '学科', key: 'subject', width: 10, note: '任课教师、学科组长必填，如 数学' },
} satisfies Record<string, SheetColumn>;

export const rosterColumns: Record<RosterEntity, readonly SheetColumn[]> = {
  classes: [C.grade, C.className, C.entryYear],
  students: [C.studentNo, C.name, C.gender, C.birthDate, C.grade, C.className, C.g1Name, C.g1Phone, C.g1Relation, C.g2Name, C.g2Phone, C.g2Relation],
  staff: [C.username, C.name, C.phone, C.role, C.grade, C.className, C.subject],
};
const required: Record<RosterEntity, readonly string[]> = {
  classes: [C.grade.header, C.className.header, C.entryYear.header],
  students: [C.studentNo.header, C.name.header, C.gender.header, C.birthDate.header, C.grade.header, C.className.header],
  staff: [C.username.header, C.name.header, C.role.header],
};
const sheetNames: Record<RosterEntity, string> = { classes: '班级', students: '学生及监护人', staff: '教职工' };
const instructions: Record<RosterEntity, string[]> = {
  classes: ['每行一个班级。已有的班级（同年级同名）只更新入学年份。', '示例：年级 3，班级名称 三年级(2)班，入学年份 2024。'],
  students: [
    '每行一名学生。学号全区唯一：已有学号的行会更新该学生（含调班）。',
    '年级与班级名称须对应本校已有班级；请先导入班级。',
    '监护人手机号为 11 位；同一手机号即同一监护人，可关联多个子女。',
    '示例：20240301, 张小明, 男, 2016-05-12, 3, 三年级(2)班, 张伟, 13800000001, 父亲',
  ],
  staff: [
    '每行一个岗位；一人多岗位写多行，用户名相同。',
    '新账号的初始密码在导入结果中显示一次，首次登录必须修改。',
    '班主任、任课教师须填年级和班级名称；年级组长须填年级；任课教师、学科组长须填学科。',
  ],
};

const SCHOOL_ROLES: Partial<Record<string, Role>> = Object.fromEntries(
  (['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'] as const).flatMap((r) => [
    [roleLabels[r]['zh-CN'], r],
    [r, r],
  ]),
);
SCHOOL_ROLES['学校管理员'] = 'school_admin';
SCHOOL_ROLES['教务处'] = 'school_admin';
SCHOOL_ROLES['校长'] = 'school_admin';

const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F' };
const RELATIONS = new Set(['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他监护人']);

function parseGrade(text: string): number | null {
  const n = /^[1-9]$/.test(text) ? Number(text) : gradeNames.indexOf(text as (typeof gradeNames)[number]);
  if (n >= 1 && n <= 9) return n;
  const m = /^([1-9])\s*年级$/.exec(text);
  return m ? Number(m[1]) : null;
}

function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** Collects row errors; `fail()` ends the import with all of them. */
class RowErrors {
  readonly list: RowError[] = [];
  add(row: SheetRow | number, column: string, message: string) {
    this.list.push({ row: typeof row === 'number' ? row : row.rowNumber, column, message });
  }
  fail(rows: number) {
    if (!this.list.length) return;
    this.list.sort((a, b) => a.row - b.row);
    throw new AppError(422, 'IMPORT_INVALID', `共 ${this.list.length} 处错误，未导入任何数据，请修改后重新上传`, { rows, errors: this.list });
  }
}

export async function rosterTemplate(ctx: Ctx, entity: RosterEntity, schoolId: string) {
  const school = await manageableSchool(ctx, schoolId, 'roster.import');
  const buffer = await buildWorkbook({ name: sheetNames[entity], columns: rosterColumns[entity], rows: [], instructions: instructions[entity] });
  return { buffer, fileName: `${school.name}-${sheetNames[entity]}-导入模板.xlsx` };
}

export async function exportRoster(ctx: Ctx, entity: RosterEntity, schoolId: string) {
  const school = await manageableSchool(ctx, schoolId, 'roster.import');
  const d = school.districtId;
  let rows: Record<string, string | number | null>[] = [];
  if (entity === 'classes') {
    const list = await ctx.db
      .select()
      .from(classes)
      .where(and(eq(classes.districtId, d), eq(classes.schoolId, school.id)))
      .orderBy(asc(classes.grade), asc(classes.name));
    rows = list.map((c) => ({ grade: c.grade, className: c.name, entryYear: c.entryYear }));
  } else if (entity === 'students') {
    const list = await ctx.db
      .select({ s: students, grade: classes.grade, className: classes.name })
      .from(students)
      .innerJoin(classes, and(eq(classes.districtId, students.districtId), eq(classes.id, students.classId)))
      .where(and(eq(students.districtId, d), eq(students.schoolId, school.id), eq(students.status, 'active')))
      .orderBy(asc(classes.grade), asc(classes.name), asc(students.studentNo));
    const links = list.length
      ? await ctx.db
          .select({ studentId: guardianLinks.studentId, relation: guardianLinks.relation, name: guardians.name, phone: guardians.phone })
          .from(guardianLinks)
          .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
          .innerJoin(students, and(eq(students.districtId, guardianLinks.districtId), eq(students.id, guardianLinks.studentId)))
          .where(and(eq(guardianLinks.districtId, d), eq(students.schoolId, school.id)))
          .orderBy(asc(guardianLinks.createdAt))
      : [];
    const byStudent = new Map<string, typeof links>();
    for (const l of links) byStudent.set(l.studentId, [...(byStudent.get(l.studentId) ?? []), l]);
    // full numbers for the school's administrator; a district-wide export carries them masked
    const fullPhones = allows(ctx, 'guardian.phone.read', { districtId: d, zone: school.zoneId, school: school.id });
    const phone = (p: string | undefined) => (p === undefined ? null : fullPhones ? p : maskPhone(p));
    rows = list.map(({ s, grade, className }) => {
      const [g1, g2] = byStudent.get(s.id) ?? [];
      return {
        studentNo: s.studentNo,
        name: s.name,
        gender: s.gender === 'M' ? '男' : '女',
        birthDate: s.birthDate,
        grade,
        className,
        g1Name: g1?.name ?? null,
        g1Phone: phone(g1?.phone),
        g1Relation: g1?.relation ?? null,
        g2Name: g2?.name ?? null,
        g2Phone: phone(g2?.phone),
        g2Relation: g2?.relation ?? null,
      };
    });
  } else {
    const list = await ctx.db
      .select({ u: users, role: roleAssignments.role, grade: roleAssignments.grade, className: classes.name, classGrade: classes.grade, subject: subjects.name })
      .from(roleAssignments)
      .innerJoin(users, and(eq(users.districtId, roleAssignments.districtId), eq(users.id, roleAssignments.userId)))
      .leftJoin(classes, and(eq(classes.districtId, roleAssignments.districtId), eq(classes.id, roleAssignments.classId)))
      .leftJoin(subjects, and(eq(subjects.districtId, roleAssignments.districtId), eq(subjects.id, roleAssignments.subjectId)))
      .where(and(eq(roleAssignments.districtId, d), eq(roleAssignments.schoolId, school.id)))
      .orderBy(asc(users.username), asc(roleAssignments.role));
    rows = list.map((r) => ({
      username: r.u.username,
      name: r.u.name,
      phone: r.u.phone,
      role: roleLabels[r.role]['zh-CN'],
      grade: r.grade ?? r.classGrade ?? null,
      className: r.className,
      subject: r.subject,
    }));
  }
  const buffer = await buildWorkbook({ name: sheetNames[entity], columns: rosterColumns[entity], rows, instructions: instructions[entity] });
  return { buffer, fileName: `${school.name}-${sheetNames[entity]}.xlsx` };
}

export interface ImportOutcome {
  entity: RosterEntity;
  rows: number;
  created: number;
  updated: number;
  credentials: { name: string; username: string; initialPassword: string }[];
}

/** `readFile` runs only after the school is found to be the user's: a foreign request never uploads. */
export async function importRoster(
  ctx: Ctx,
  entity: RosterEntity,
  schoolId: string,
  dryRun: boolean,
  readFile: () => Promise<Buffer>,
): Promise<ImportOutcome> {
  const school = await manageableSchool(ctx, schoolId, 'roster.import');
  const rows = await readSheet(await readFile(), required[entity]);
  if (!rows.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有数据行');
  const run = { classes: importClasses, students: importStudents, staff: importStaff }[entity];
  return run(ctx, school, rows, dryRun);
}

type School = typeof schools.$inferSelect;

async function schoolClasses(ctx: Ctx, school: School) {
  const list = await ctx.db.select().from(classes).where(and(eq(classes.districtId, school.districtId), eq(classes.schoolId, school.id)));
  return new Map(list.map((c) => [`${c.grade}|${c.name}`, c]));
}

async function importClasses(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
  const errors = new RowErrors();
  const existing = await schoolClasses(ctx, school);
  const seen = new Map<string, number>();
  const parsed = rows.flatMap((row) => {
    const v = row.values;
    let ok = true;
    const bad = (column: string, message: string) => {
      ok = false;
      errors.add(row, column, message);
    };
    const grade = parseGrade(v[C.grade.header] ?? '');
    const name = v[C.className.header] ?? '';
    const entryYear = Number(v[C.entryYear.header]);
    if (grade === null) bad(C.grade.header, '应为 1–9 或 一年级…九年级');
    else if (!school.grades.includes(grade)) bad(C.grade.header, `本校未开设${grade}年级`);
    if (!name) bad(C.className.header, '不能为空');
    else if (name.length > 20) bad(C.className.header, '不能超过 20 个字');
    if (!Number.isInteger(entryYear) || entryYear < 2000 || entryYear > 2100) bad(C.entryYear.header, '应为四位年份');
    const key = `${grade}|${name}`;
    if (ok && seen.has(key)) bad(C.className.header, `与第 ${seen.get(key)} 行重复`);
    seen.set(key, row.rowNumber);
    return ok ? [{ row, grade: grade!, name, entryYear, current: existing.get(key) }] : [];
  });
  errors.fail(rows.length);
  const created = parsed.filter((p) => !p.current);
  const updated = parsed.filter((p) => p.current && p.current.entryYear !== p.entryYear);
  if (!dryRun)
    await ctx.db.transaction(async (tx) => {
      const entries: AuditEntryInput[] = [];
      if (created.length) {
        const inserted = await tx
          .insert(classes)
          .values(created.map((p) => ({ districtId: school.districtId, schoolId: school.id, grade: p.grade, name: p.name, entryYear: p.entryYear })))
          .returning();
        inserted.forEach((c) => entries.push({ action: 'class.import', entity: 'class', entityId: c.id, after: c }));
      }
      for (const p of updated) {
        await tx.update(classes).set({ entryYear: p.entryYear }).where(and(eq(classes.districtId, school.districtId), eq(classes.id, p.current!.id)));
        entries.push({ action: 'class.import', entity: 'class', entityId: p.current!.id, before: p.current, after: { entryYear: p.entryYear } });
      }
      await auditMany(tx, ctx.actor, entries);
    });
  return { entity: 'classes', rows: rows.length, created: created.length, updated: updated.length, credentials: [] };
}

async function importStudents(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
  const errors = new RowErrors();
  const d = school.districtId;
  const classMap = await schoolClasses(ctx, school);
  const numbers = rows.map((r) => r.values[C.studentNo.header] ?? '').filter(Boolean);
  const phones = rows.flatMap((r) => [r.values[C.g1Phone.header], r.values[C.g2Phone.header]]).filter((p): p is string => !!p);
  const [existingStudents, existingGuardians] = await Promise.all([
    numbers.length ? ctx.db.select().from(students).where(and(eq(students.districtId, d), inArray(students.studentNo, numbers))) : [],
    phones.length ? ctx.db.select().from(guardians).where(and(eq(guardians.districtId, d), inArray(guardians.phone, phones))) : [],
  ]);
  const studentByNo = new Map(existingStudents.map((s) => [s.studentNo, s]));
  const guardianByPhone = new Map(existingGuardians.map((g) => [g.phone, { name: g.name, row: 0 }]));
  const seenNo = new Map<string, number>();

  const parsed = rows.flatMap((row) => {
    const v = (c: SheetColumn) => row.values[c.header] ?? '';
    let ok = true;
    const bad = (c: SheetColumn, message: string) => {
      ok = false;
      errors.add(row, c.header, message);
    };
    const studentNo = v(C.studentNo);
    if (!/^[A-Za-z0-9]{4,20}$/.test(studentNo)) bad(C.studentNo, '应为 4–20 位字母或数字');
    else if (seenNo.has(studentNo)) bad(C.studentNo, `与第 ${seenNo.get(studentNo)} 行重复`);
    else seenNo.set(studentNo, row.rowNumber);
    const current = studentByNo.get(studentNo);
    if (current && current.schoolId !== school.id) bad(C.studentNo, '该学号属于其他学校的学生，请由区教育局办理转学');
    const name = v(C.name);
    if (!name) bad(C.name, '不能为空');
    else if (name.length > 30) bad(C.name, '不能超过 30 个字');
    const gender = GENDERS[v(C.gender)];
    if (!gender) bad(C.gender, '应为 男 或 女');
    const birthDate = parseDate(v(C.birthDate));
    if (!birthDate) bad(C.birthDate, '应为有效日期，如 2016-05-12');
    const grade = parseGrade(v(C.grade));
    const cls = grade === null ? undefined : classMap.get(`${grade}|${v(C.className)}`);
    if (grade === null) bad(C.grade, '应为 1–9 或 一年级…九年级');
    else if (!cls) bad(C.className, `本校没有 ${grade} 年级「${v(C.className)}」，请先导入班级`);
    const family: { name: string; phone: string; relation: string }[] = [];
    for (const [gn, gp, gr] of [
      [C.g1Name, C.g1Phone, C.g1Relation],
      [C.g2Name, C.g2Phone, C.g2Relation],
    ] as const) {
      const [gName, gPhone, gRelation] = [v(gn), v(gp), v(gr)];
      if (!gName && !gPhone && !gRelation) continue;
      if (!gName) bad(gn, '填写了监护人信息时姓名不能为空');
      if (!/^1[3-9]\d{9}$/.test(gPhone)) bad(gp, '应为 11 位手机号');
      if (!RELATIONS.has(gRelation)) bad(gr, '应为 父亲/母亲/祖父/祖母/外祖父/外祖母/其他监护人');
      const known = guardianByPhone.get(gPhone);
      if (gName && known && known.name !== gName)
        bad(gp, known.row ? `与第 ${known.row} 行的监护人「${known.name}」手机号相同但姓名不同` : `该手机号已登记为监护人「${known.name}」`);
      else if (gName && gPhone && !known) guardianByPhone.set(gPhone, { name: gName, row: row.rowNumber });
      family.push({ name: gName, phone: gPhone, relation: gRelation });
    }
    if (family.length === 2 && family[0]!.phone === family[1]!.phone) bad(C.g2Phone, '两位监护人的手机号相同');
    return ok ? [{ studentNo, name, gender: gender!, birthDate: birthDate!, cls: cls!, current, family }] : [];
  });
  errors.fail(rows.length);

  const created = parsed.filter((p) => !p.current);
  const updated = parsed.filter(
    (p) =>
      p.current &&
      (p.current.name !== p.name || p.current.gender !== p.gender || p.current.birthDate !== p.birthDate || p.current.classId !== p.cls.id || p.current.status !== 'active'),
  );
  if (dryRun) return { entity: 'students', rows: rows.length, created: created.length, updated: updated.length, credentials: [] };

  await ctx.db.transaction(async (tx) => {
    const entries: AuditEntryInput[] = [];
    const ids = new Map<string, string>(parsed.filter((p) => p.current).map((p) => [p.studentNo, p.current!.id]));
    for (let i = 0; i < created.length; i += 500) {
      const inserted = await tx
        .insert(students)
        .values(
          created.slice(i, i + 500).map((p) => ({
            districtId: d,
            schoolId: school.id,
            classId: p.cls.id,
            studentNo: p.studentNo,
            name: p.name,
            gender: p.gender,
            birthDate: p.birthDate,
          })),
        )
        .returning();
      for (const s of inserted) {
        ids.set(s.studentNo, s.id);
        entries.push({ action: 'student.import', entity: 'student', entityId: s.id, after: s });
      }
    }
    for (const p of updated) {
      const after = { name: p.name, gender: p.gender, birthDate: p.birthDate, classId: p.cls.id, status: 'active' as const };
      await tx.update(students).set(after).where(and(eq(students.districtId, d), eq(students.id, p.current!.id)));
      entries.push({ action: 'student.import', entity: 'student', entityId: p.current!.id, before: p.current, after });
    }
    const newGuardians = [...new Map(parsed.flatMap((p) => p.family).map((g) => [g.phone, g])).values()].filter(
      (g) => !existingGuardians.some((e) => e.phone === g.phone),
    );
    for (let i = 0; i < newGuardians.length; i += 500) {
      await tx.insert(guardians).values(newGuardians.slice(i, i + 500).map((g) => ({ districtId: d, name: g.name, phone: g.phone })));
    }
    const allPhones = [...new Set(parsed.flatMap((p) => p.family.map((g) => g.phone)))];
    const guardianIds = new Map(
      allPhones.length
        ? (await tx.select({ id: guardians.id, phone: guardians.phone }).from(guardians).where(and(eq(guardians.districtId, d), inArray(guardians.phone, allPhones)))).map(
            (g) => [g.phone, g.id],
          )
        : [],
    );
    const links = parsed.flatMap((p) =>
      p.family.map((g) => ({ districtId: d, studentId: ids.get(p.studentNo)!, guardianId: guardianIds.get(g.phone)!, relation: g.relation })),
    );
    for (let i = 0; i < links.length; i += 500) {
      await tx
        .insert(guardianLinks)
        .values(links.slice(i, i + 500))
        .onConflictDoUpdate({ target: [guardianLinks.districtId, guardianLinks.studentId, guardianLinks.guardianId], set: { relation: sql`excluded.relation` } });
    }
    await auditMany(tx, ctx.actor, entries);
  });
  return { entity: 'students', rows: rows.length, created: created.length, updated: updated.length, credentials: [] };
}

async function importStaff(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
  const errors = new RowErrors();
  const d = school.districtId;
  const classMap = await schoolClasses(ctx, school);
  const subjectList = await ctx.db.select().from(subjects).where(eq(subjects.districtId, d));
  const subjectByName = new Map(subjectList.flatMap((s) => [[s.name, s] as const, [s.code, s] as const]));
  const usernames = [...new Set(rows.map((r) => (r.values[C.username.header] ?? '').toLowerCase()).filter(Boolean))];
  const existingUsers = usernames.length
    ? await ctx.db.select().from(users).where(inArray(sql`lower(${users.username})`, usernames))
    : [];
  const userByName = new Map(existingUsers.map((u) => [u.username.toLowerCase(), u]));
  const existingAssignments = existingUsers.length
    ? await ctx.db
        .select()
        .from(roleAssignments)
        .where(and(eq(roleAssignments.districtId, d), inArray(roleAssignments.userId, existingUsers.map((u) => u.id))))
    : [];
  const phones = rows.map((r) => r.values[C.phone.header] ?? '').filter(Boolean);
  const phoneOwners = phones.length ? await ctx.db.select({ id: users.id, phone: users.phone, username: users.username }).from(users).where(inArray(users.phone, phones)) : [];

  const people = new Map<string, { row: SheetRow; name: string; phone: string | null; assignments: (typeof roleAssignments.$inferInsert)[] }>();
  const seenAssignment = new Map<string, number>();
  for (const row of rows) {
    const v = (c: SheetColumn) => row.values[c.header] ?? '';
    let ok = true;
    const bad = (c: SheetColumn, message: string) => {
      ok = false;
      errors.add(row, c.header, message);
    };
    const username = v(C.username);
    if (!/^[A-Za-z0-9_.-]{3,32}$/.test(username)) bad(C.username, '应为 3–32 位字母、数字、下划线、点或短横线');
    const name = v(C.name);
    if (!name) bad(C.name, '不能为空');
    const phone = v(C.phone) || null;
    if (phone && !/^1[3-9]\d{9}$/.test(phone)) bad(C.phone, '应为 11 位手机号');
    const role = SCHOOL_ROLES[v(C.role)];
    if (!role) bad(C.role, '应为 学校管理员（教务处）/年级组长/学科组长/班主任/任课教师');
    const existing = userByName.get(username.toLowerCase());
    if (existing && existing.districtId !== d) bad(C.username, '用户名已被使用');
    else if (existing) {
      const foreign = existingAssignments.filter((a) => a.userId === existing.id && a.schoolId !== school.id);
      if (existing.name !== name) bad(C.name, `与已有账号「${existing.username}」的姓名「${existing.name}」不一致`);
      if (foreign.length && !ctx.grants.some((g) => g.role === 'district_admin')) bad(C.username, '该账号兼任其他单位岗位，请联系区教育局管理员');
      if (existingAssignments.some((a) => a.userId === existing.id && a.role === 'auditor')) bad(C.username, '审计管理员不能兼任其他角色（三员分立）');
    }
    const owner = phone ? phoneOwners.find((o) => o.phone === phone) : undefined;
    if (owner && owner.username.toLowerCase() !== username.toLowerCase()) bad(C.phone, `手机号已被账号「${owner.username}」使用`);
    const assignment: typeof roleAssignments.$inferInsert = { districtId: d, userId: existing?.id ?? '', role: role ?? 'teacher', schoolId: school.id };
    if (role === 'grade_leader' || role === 'class_teacher' || role === 'teacher') {
      const grade = parseGrade(v(C.grade));
      if (grade === null) bad(C.grade, '该岗位须填写年级（1–9）');
      else if (!school.grades.includes(grade)) bad(C.grade, `本校未开设${grade}年级`);
      else if (role === 'grade_leader') assignment.grade = grade;
      else {
        const cls = classMap.get(`${grade}|${v(C.className)}`);
        if (!cls) bad(C.className, `本校没有 ${grade} 年级「${v(C.className)}」`);
        else assignment.classId = cls.id;
      }
    }
    if (role === 'teacher' || role === 'subject_leader') {
      const subject = subjectByName.get(v(C.subject));
      if (!subject) bad(C.subject, `没有名为「${v(C.subject)}」的学科`);
      else assignment.subjectId = subject.id;
    }
    const key = `${username.toLowerCase()}|${assignment.role}|${assignment.classId ?? ''}|${assignment.grade ?? ''}|${assignment.subjectId ?? ''}`;
    if (ok && seenAssignment.has(key)) bad(C.role, `与第 ${seenAssignment.get(key)} 行重复`);
    seenAssignment.set(key, row.rowNumber);
    if (!ok) continue;
    const person = people.get(username.toLowerCase());
    if (person) {
      if (person.name !== name) errors.add(row, C.name.header, `与第 ${person.row.rowNumber} 行同一用户名的姓名不一致`);
      else if ((person.phone ?? '') !== (phone ?? '') && phone) errors.add(row, C.phone.header, `与第 ${person.row.rowNumber} 行同一用户名的手机不一致`);
      else person.assignments.push(assignment);
    } else people.set(username.toLowerCase(), { row, name, phone, assignments: [assignment] });
  }
  errors.fail(rows.length);

  const isNew = (a: typeof roleAssignments.$inferInsert) =>
    !existingAssignments.some(
      (e) =>
        e.userId === a.userId &&
        e.role === a.role &&
        e.schoolId === a.schoolId &&
        (e.classId ?? null) === (a.classId ?? null) &&
        (e.grade ?? null) === (a.grade ?? null) &&
        (e.subjectId ?? null) === (a.subjectId ?? null),
    );
  const newPeople = [...people.entries()].filter(([u]) => !userByName.has(u));
  const oldPeople = [...people.entries()].filter(([u]) => userByName.has(u));
  const addedToOld = oldPeople.flatMap(([u, p]) => p.assignments.map((a) => ({ ...a, userId: userByName.get(u)!.id }))).filter(isNew);
  if (dryRun) return { entity: 'staff', rows: rows.length, created: newPeople.length, updated: new Set(addedToOld.map((a) => a.userId)).size, credentials: [] };

  const credentials = await Promise.all(
    newPeople.map(async ([, p]) => {
      const initialPassword = generatePassword();
      return { username: p.row.values[C.username.header]!, name: p.name, initialPassword, passwordHash: await hashPassword(initialPassword) };
    }),
  );
  await ctx.db.transaction(async (tx) => {
    const entries: AuditEntryInput[] = [];
    const assignmentRows = [...addedToOld];
    for (const [i, [, p]] of newPeople.entries()) {
      const cred = credentials[i]!;
      const [user] = await tx
        .insert(users)
        .values({ districtId: d, username: cred.username, name: p.name, phone: p.phone, passwordHash: cred.passwordHash, mustChangePassword: true })
        .returning();
      assignmentRows.push(...p.assignments.map((a) => ({ ...a, userId: user!.id })));
      entries.push({ action: 'staff.import', entity: 'user', entityId: user!.id, after: { username: user!.username, name: user!.name, phone: user!.phone } });
    }
    if (assignmentRows.length) await tx.insert(roleAssignments).values(assignmentRows);
    for (const a of addedToOld) entries.push({ action: 'staff.assign', entity: 'user', entityId: a.userId, after: a });
    await auditMany(tx, ctx.actor, entries);
  });
  for (const a of addedToOld) ctx.sessions.forgetUser(a.userId);
  return {
    entity: 'staff',
    rows: rows.length,
    created: newPeople.length,
    updated: new Set(addedToOld.map((a) => a.userId)).size,
    credentials: credentials.map(({ passwordHash: _h, ...c }) => c),
  };
}
