/** Roster imports, one per sheet: every row checked first, then all rows committed in one transaction or none. */
import { HOME_ADDRESS_MAX, type RosterEntity } from '@shuangjian/contracts';
import { maskAddress, maskIdNumber, normalizeIdNumber } from '@shuangjian/policy';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../platform/access';
import { auditMany, type AuditEntryInput } from '../../platform/audit';
import { directoryChanged } from '../../platform/invalidation';
import { generatePassword, hashPassword } from '../../platform/auth/password';
import { atOnce, type Queryable } from '../../platform/db';
import type { SheetColumn, SheetRow } from '../../platform/excel';
import { users } from '../../platform/schema';
import { C, GENDERS, parseDate, parseGrade, RELATIONS, RowErrors, SCHOOL_ROLES } from './roster.sheets';
import { classes, guardianLinks, guardians, roleAssignments, type schools, students, subjects } from './schema';
import { auditableStudent, holdersOfIdNumbers, idNumberReason } from './identity';
import { type Identity, openIdentity, openPhone, phoneIndexes, sealGuardianPhone, sealIdentity } from './sealed';

export interface ImportOutcome {
  entity: RosterEntity;
  rows: number;
  created: number;
  updated: number;
  credentials: { name: string; username: string; initialPassword: string }[];
}

type School = typeof schools.$inferSelect;

async function schoolClasses(ctx: Ctx, school: School) {
  const list = await ctx.db.select().from(classes).where(and(eq(classes.districtId, school.districtId), eq(classes.schoolId, school.id)));
  return new Map(list.map((c) => [`${c.grade}|${c.name}`, c]));
}

export async function importClasses(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
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
      if (updated.length) await directoryChanged(tx);
      await auditMany(tx, ctx.actor, entries);
    });
  return { entity: 'classes', rows: rows.length, created: created.length, updated: updated.length, credentials: [] };
}

/** Guardians of the district with any of these phones (matched on the blind index), phones opened. */
/**
 * A row's 身份证号 and 家庭住址 against the pupil's current ones: undefined where the cell is empty or holds the
 * current value as an export masks it (an exported sheet imports back unchanged), the new value otherwise.
 */
function identityCells(idCell: string, addressCell: string, current: Identity | null) {
  const id = normalizeIdNumber(idCell);
  const keepId = !id || (current?.idNumber != null && id === maskIdNumber(current.idNumber)) || id === current?.idNumber;
  const keepAddress = !addressCell || (current?.address != null && (addressCell === maskAddress(current.address) || addressCell === current.address));
  return { idNumber: keepId ? undefined : id, address: keepAddress ? undefined : addressCell };
}

async function guardiansByPhone(q: Queryable, districtId: string, phones: readonly string[]) {
  const rows = await q.select().from(guardians).where(and(eq(guardians.districtId, districtId), inArray(guardians.phoneHash, phoneIndexes(phones))));
  return rows.map((g) => ({ ...g, phone: openPhone(g.phone) }));
}

export async function importStudents(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
  const errors = new RowErrors();
  const d = school.districtId;
  const classMap = await schoolClasses(ctx, school);
  const numbers = rows.map((r) => r.values[C.studentNo.header] ?? '').filter(Boolean);
  const phones = rows.flatMap((r) => [r.values[C.g1Phone.header], r.values[C.g2Phone.header]]).filter((p): p is string => !!p);
  const idNumbers = rows.map((r) => normalizeIdNumber(r.values[C.idNumber.header] ?? '')).filter((id) => /^\d{17}[\dX]$/.test(id));
  const [existingStudents, existingGuardians, idHolders] = await atOnce(ctx.db,
    () => numbers.length ? ctx.db.select().from(students).where(and(eq(students.districtId, d), inArray(students.studentNo, numbers))) : Promise.resolve([]),
    () => phones.length ? guardiansByPhone(ctx.db, d, phones) : Promise.resolve([]),
    () => holdersOfIdNumbers(ctx.db, d, idNumbers),
  );
  const studentByNo = new Map(existingStudents.map((s) => [s.studentNo, s]));
  const identityOf = new Map(existingStudents.map((s) => [s.id, openIdentity(s)]));
  // pupils matched by their ID number: a row naming another pupil's number is refused with that pupil's student number
  const holderById = new Map(idHolders.map((h) => [h.idNumber, h]));
  const seenId = new Map<string, number>();
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
    const was = current ? identityOf.get(current.id)! : null;
    const identity = identityCells(v(C.idNumber), v(C.address), was);
    const idNumber = identity.idNumber;
    if (idNumber) {
      const reason = idNumberReason(idNumber, birthDate);
      const holder = holderById.get(idNumber);
      if (reason) bad(C.idNumber, reason);
      else if (seenId.has(idNumber)) bad(C.idNumber, `与第 ${seenId.get(idNumber)} 行重复`);
      else if (holder && holder.id !== current?.id)
        bad(C.idNumber, holder.schoolId === school.id ? `已登记为学号 ${holder.studentNo} 的学生` : '已登记为本区其他学校的学生');
      seenId.set(idNumber, row.rowNumber);
    } else if (was?.idNumber && birthDate && !v(C.idNumber) && idNumberReason(was.idNumber, birthDate))
      bad(C.birthDate, '与该学生已登记的身份证号中的出生日期不一致');
    if (identity.address && [...identity.address].length > HOME_ADDRESS_MAX) bad(C.address, `不能超过 ${HOME_ADDRESS_MAX} 个字`);
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
    return ok ? [{ studentNo, name, gender: gender!, birthDate: birthDate!, cls: cls!, current, family, ...identity }] : [];
  });
  errors.fail(rows.length);

  const created = parsed.filter((p) => !p.current);
  const updated = parsed.filter(
    (p) =>
      p.current &&
      (p.current.name !== p.name ||
        p.current.gender !== p.gender ||
        p.current.birthDate !== p.birthDate ||
        p.current.classId !== p.cls.id ||
        p.current.status !== 'active' ||
        p.idNumber !== undefined ||
        p.address !== undefined),
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
            ...sealIdentity({ idNumber: p.idNumber ?? null, address: p.address ?? null }),
          })),
        )
        .returning();
      for (const s of inserted) {
        ids.set(s.studentNo, s.id);
        entries.push({ action: 'student.import', entity: 'student', entityId: s.id, after: auditableStudent(s) });
      }
    }
    for (const p of updated) {
      const sealed = sealIdentity({ idNumber: p.idNumber ?? null, address: p.address ?? null });
      const after = {
        name: p.name,
        gender: p.gender,
        birthDate: p.birthDate,
        classId: p.cls.id,
        status: 'active' as const,
        ...(p.idNumber !== undefined ? { idNumber: sealed.idNumber, idNumberHash: sealed.idNumberHash } : {}),
        ...(p.address !== undefined ? { address: sealed.address } : {}),
      };
      await tx.update(students).set(after).where(and(eq(students.districtId, d), eq(students.id, p.current!.id)));
      entries.push({ action: 'student.import', entity: 'student', entityId: p.current!.id, before: auditableStudent(p.current), after: auditableStudent(after) });
    }
    if (updated.length) await directoryChanged(tx);
    const newGuardians = [...new Map(parsed.flatMap((p) => p.family).map((g) => [g.phone, g])).values()].filter(
      (g) => !existingGuardians.some((e) => e.phone === g.phone),
    );
    for (let i = 0; i < newGuardians.length; i += 500) {
      await tx.insert(guardians).values(newGuardians.slice(i, i + 500).map((g) => ({ districtId: d, name: g.name, ...sealGuardianPhone(g.phone) })));
    }
    const allPhones = [...new Set(parsed.flatMap((p) => p.family.map((g) => g.phone)))];
    const guardianIds = new Map(
      allPhones.length ? (await guardiansByPhone(tx, d, allPhones)).map((g) => [g.phone, g.id]) : [],
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

export async function importStaff(ctx: Ctx, school: School, rows: SheetRow[], dryRun: boolean): Promise<ImportOutcome> {
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
  for (const a of addedToOld) await ctx.sessions.forgetUser(a.userId);
  return {
    entity: 'staff',
    rows: rows.length,
    created: newPeople.length,
    updated: new Set(addedToOld.map((a) => a.userId)).size,
    credentials: credentials.map(({ passwordHash: _h, ...c }) => c),
  };
}
