/** A second district for tenant-isolation tests: one zone, one school, one class, a few students, an admin and a teacher. */
import { hashPassword } from '../src/platform/auth/password';
import { secondFactors } from '../src/platform/auth/schema';
import type { Db } from '../src/platform/db';
import { districts, users } from '../src/platform/schema';
import { classes, guardianLinks, guardians, roleAssignments, schools, students, subjects, zones } from '../src/modules/org/schema';
import { sealGuardianPhone } from '../src/modules/org/sealed';
import { semesters } from '../src/modules/calendar/schema';

export async function seedOtherDistrict(db: Db) {
  const passwordHash = await hashPassword('Demo#2026');
  return db.transaction(async (tx) => {
    const [d] = await tx.insert(districts).values({ code: 'other', name: '另一区' }).returning();
    const districtId = d!.id;
    const [zone] = await tx.insert(zones).values({ districtId, name: '另一区学区', kind: 'zone' }).returning();
    const [school] = await tx
      .insert(schools)
      .values({ districtId, zoneId: zone!.id, code: 'OT01', name: '另一区小学', type: 'primary', grades: [1, 2, 3, 4, 5, 6] })
      .returning();
    const [cls] = await tx.insert(classes).values({ districtId, schoolId: school!.id, grade: 3, name: '三年级(1)班', entryYear: 2024 }).returning();
    const [subject] = await tx.insert(subjects).values({ districtId, code: 'math', name: '数学', sort: 10 }).returning();
    await tx.insert(semesters).values({ districtId, name: '2026-2027学年第一学期', schoolYear: '2026-2027', term: 1, startDate: '2026-09-01', endDate: '2027-01-22' });
    const mk = async (username: string, name: string) =>
      (await tx.insert(users).values({ districtId, username, name, passwordHash, mustChangePassword: false }).returning())[0]!;
    const admin = await mk('other-admin', '另一区管理员');
    const teacher = await mk('other-teacher', '另一区教师');
    const parent = await mk('other-parent', '另一区家长');
    await tx.insert(roleAssignments).values([
      { districtId, userId: admin.id, role: 'district_admin' },
      { districtId, userId: teacher.id, role: 'class_teacher', schoolId: school!.id, classId: cls!.id },
      { districtId, userId: teacher.id, role: 'teacher', schoolId: school!.id, classId: cls!.id, subjectId: subject!.id },
    ]);
    // exempt from the second factor like the demo accounts (tests run in demo mode), so the tenant walk signs in with a password
    await tx.insert(secondFactors).values({ districtId, userId: admin.id, exempt: true });
    const [student] = await tx
      .insert(students)
      .values({ districtId, schoolId: school!.id, classId: cls!.id, studentNo: 'OT20240101', name: '另一区学生', gender: 'F', birthDate: '2017-04-01' })
      .returning();
    const [guardian] = await tx.insert(guardians).values({ districtId, name: '另一区家长', ...sealGuardianPhone('13700000001'), userId: parent.id }).returning();
    await tx.insert(guardianLinks).values({ districtId, studentId: student!.id, guardianId: guardian!.id, relation: '母亲' });
    return { districtId, schoolId: school!.id, classId: cls!.id, studentId: student!.id };
  });
}
