/**
 * Families' side, read by others: which families reported a class's day (the class teacher's panel, with whom to
 * remind), and the homework rules of the child's grade as parents read them (作业制度面向教师、学生、家长公示).
 */
import type { z } from 'zod';
import type { ChildRules, ClassDayReports } from '@shuangjian/contracts';
import { bedtimeFor, type LocalDate, limitFor, maskPhone, noWrittenAtHome } from '@shuangjian/policy';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { allows, type Ctx } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { policyVersions } from '../../platform/schema';
import { classKeys, guardiansOfStudents, studentDirectory } from '../org';
import { visibleClass } from './common';
import { child } from './family.service';
import { homeworkPolicy } from './homework.policy';
import { homeworkPublished, homeworkStudentDays } from './schema';

/**
 * 家长填报情况: every child of the class on a day, reported or not (not reported first), with their guardians' names
 * and masked phones for whoever may see guardians. Anyone who reads the class's homework may open it.
 */
export async function classDayReports(ctx: Ctx, classId: string, date: LocalDate): Promise<z.output<typeof ClassDayReports>> {
  const cls = await visibleClass(ctx, classId);
  const [kids, days, [list], { policy }] = await atOnce(ctx.db,
    () => ctx.db
      .select({ id: studentDirectory.id, name: studentDirectory.name, studentNo: studentDirectory.studentNo })
      .from(studentDirectory)
      .where(and(eq(studentDirectory.districtId, cls.districtId), eq(studentDirectory.classId, classId), eq(studentDirectory.status, 'active')))
      .orderBy(asc(studentDirectory.studentNo)),
    () => ctx.db
      .select()
      .from(homeworkStudentDays)
      .where(and(eq(homeworkStudentDays.districtId, cls.districtId), eq(homeworkStudentDays.classId, classId), eq(homeworkStudentDays.date, date))),
    () => ctx.db
      .select({ version: homeworkPublished.version, limit: homeworkPublished.limit })
      .from(homeworkPublished)
      .where(and(eq(homeworkPublished.districtId, cls.districtId), eq(homeworkPublished.classId, classId), eq(homeworkPublished.date, date)))
      .orderBy(desc(homeworkPublished.version))
      .limit(1),
    () => homeworkPolicy(ctx.db, cls.districtId, date),
  );
  const seeGuardians = allows(ctx, 'guardian.read', classKeys(cls));
  const guardians = seeGuardians ? await guardiansOfStudents(ctx.db, cls.districtId, kids.map((k) => k.id)) : [];
  const byStudent = new Map(days.map((d) => [d.studentId, d]));
  const rows = kids.map((k) => {
    const d = byStudent.get(k.id);
    return {
      studentId: k.id,
      studentName: k.name,
      studentNo: k.studentNo,
      reported: !!d,
      reportedAt: d ? d.reportedAt.toISOString() : null,
      minutes: d?.minutes ?? null,
      finished: d?.finished ?? null,
      withinLimit: d?.withinLimit ?? null,
      stoppedAtBedtime: d?.stoppedAtBedtime ?? null,
      endedAt: d?.endedAt ? d.endedAt.slice(0, 5) : null,
      lateMinutes: d ? d.lateMinutes : null,
      guardians: seeGuardians
        ? guardians
            .filter((g) => g.studentId === k.id)
            .map((g) => ({ name: g.name, relation: g.relation, phone: maskPhone(g.phone), hasAccount: g.userId !== null }))
        : null,
    };
  });
  // not reported first: those are the families to remind
  rows.sort((a, b) => Number(a.reported) - Number(b.reported) || a.studentNo.localeCompare(b.studentNo));
  const reported = rows.filter((r) => r.reported);
  return {
    classId,
    className: cls.name,
    date,
    publishedVersion: list?.version ?? 0,
    limit: list?.limit ?? limitFor(policy, 'school_day', cls.grade),
    bedtime: bedtimeFor(cls.grade, policy),
    students: kids.length,
    reporters: reported.length,
    withinLimit: reported.filter((r) => r.withinLimit).length,
    bedtimeStops: reported.filter((r) => r.stoppedAtBedtime).length,
    lateNights: reported.filter((r) => (r.lateMinutes ?? 0) > 0).length,
    rows,
  };
}

/** 作业制度公示: the district's homework rules in force today, for the child's grade. */
export async function childRules(ctx: Ctx, studentId: string): Promise<z.output<typeof ChildRules>> {
  const c = await child(ctx, studentId);
  const date = today(ctx);
  const { policy, versions } = await homeworkPolicy(ctx.db, c.districtId, date);
  const ids = (versions ?? '')
    .split(',')
    .map((v) => v.split('@')[1])
    .filter((id): id is string => !!id);
  const changes = ids.length
    ? await ctx.db
        .select({ effectiveFrom: policyVersions.effectiveFrom })
        .from(policyVersions)
        .where(and(eq(policyVersions.districtId, c.districtId), inArray(policyVersions.id, ids)))
    : [];
  const changedOn = changes.map((r) => r.effectiveFrom).sort().at(-1) ?? null;
  const limit = (kind: 'school_day' | 'weekend' | 'holiday' | 'vacation') => limitFor(policy, kind, c.grade);
  const patterns = policy.forbiddenPatterns;
  return {
    studentId,
    studentName: c.name,
    schoolName: c.schoolName,
    className: c.className,
    grade: c.grade,
    date,
    limits: { school_day: limit('school_day'), weekend: limit('weekend'), holiday: limit('holiday'), vacation: limit('vacation') },
    noWrittenAtHome: noWrittenAtHome(policy, c.grade),
    nonWrittenCap: policy.nonWrittenCaps?.[String(c.grade) as keyof typeof policy.nonWrittenCaps] ?? null,
    bedtime: bedtimeFor(c.grade, policy),
    completionTarget: policy.completionTarget,
    forbidden: policy.forbiddenPhrases,
    forbiddenPattern: patterns ? { parentWords: patterns.parentWords, actionWords: patterns.actionWords } : null,
    versions,
    changedOn,
  };
}
