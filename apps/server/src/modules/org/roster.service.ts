/**
 * Roster spreadsheets per school: classes, students with guardians, staff. Import checks every row first and either
 * commits all of them in one transaction or answers every bad row (row, column, reason) and writes nothing.
 */
import { roleLabels, type RosterEntity } from '@shuangjian/contracts';
import { maskPhone } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import { allows, type Ctx } from '../../platform/access';
import { requireStepUp } from '../../platform/auth/second-factor';
import { audit } from '../../platform/audit';
import { AppError } from '../../platform/errors';
import { buildWorkbook, readSheet } from '../../platform/excel';
import { users } from '../../platform/schema';
import { importClasses, type ImportOutcome, importStaff, importStudents } from './roster.import';
import { instructions, required, rosterColumns, sheetNames } from './roster.sheets';
import { identityView } from './identity';
import { openPhone } from './sealed';
import { classes, guardianLinks, guardians, roleAssignments, students, subjects } from './schema';
import { manageableSchool } from './structure.service';

export async function rosterTemplate(ctx: Ctx, entity: RosterEntity, schoolId: string) {
  const school = await manageableSchool(ctx, schoolId, 'roster.import');
  const buffer = await buildWorkbook({ name: sheetNames[entity], columns: rosterColumns[entity], rows: [], instructions: instructions[entity] });
  return { buffer, fileName: `${school.name}-${sheetNames[entity]}-导入模板.xlsx` };
}

export async function exportRoster(ctx: Ctx, entity: RosterEntity, schoolId: string) {
  const school = await manageableSchool(ctx, schoolId, 'roster.import');
  // a bulk export of pupils' data: the second factor's code within the last minutes
  requireStepUp(ctx);
  const d = school.districtId;
  // ID numbers and addresses as a pupil's detail shows them: in full for the school's administrator, masked else
  const fullIdentity = allows(ctx, 'student.identity.read', { districtId: d, zone: school.zoneId, school: school.id });
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
    const phone = (p: string | undefined) => (p === undefined ? null : fullPhones ? openPhone(p) : maskPhone(openPhone(p)));
    rows = list.map(({ s, grade, className }) => {
      const [g1, g2] = byStudent.get(s.id) ?? [];
      const identity = identityView(s, fullIdentity);
      return {
        studentNo: s.studentNo,
        name: s.name,
        gender: s.gender === 'M' ? '男' : '女',
        birthDate: s.birthDate,
        idNumber: identity.idNumber,
        grade,
        className,
        address: identity.address,
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
  // a bulk export of personal data is on the record: who took which school's sheet, and how many rows it held
  await audit(ctx.db, ctx.actor, {
    action: 'roster.export',
    entity: 'school',
    entityId: school.id,
    after: { entity, rows: rows.length, ...(entity === 'students' ? { identity: fullIdentity ? 'full' : 'masked' } : {}) },
  });
  return { buffer, fileName: `${school.name}-${sheetNames[entity]}.xlsx` };
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
