/**
 * 一人一档: special students' files. Only the class teacher of the pupil's class, the school's designated care staff,
 * the school's administrator and the district administrator read them; anyone else gets 404 for a file (as for an
 * unknown pupil) and never a flag. Every read of a file is written to the audit log (home-school.special.read).
 */
import { type CarePlanInput, type CareRecordInput, HS_INDICATORS, type SpecialFile, type SpecialStudent } from '@shuangjian/contracts';
import { checkStandIn } from '@shuangjian/policy';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { type Ctx, districtWide } from '../../platform/access';
import { audit } from '../../platform/audit';
import { open, openNullable, seal, sealNullable } from '../../platform/crypto';
import { today } from '../../platform/clock';
import { eachAtOnce } from '../../platform/db';
import { forbidden, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { roleHolders, specialStudents, type SpecialStudentRef, studentDirectory } from '../org';
import { careStaffSchools, currentSemester, pupilsByIds, reachablePupil, specialReader, userNames, userPhone } from './home-school.repo';
import { homeSchoolPolicy, versionOf } from './home-school.policy';
import { hsCareRecords, hsSpecialFiles, hsVisits } from './schema';

const flagsOnly = (f: SpecialStudentRef['flags']) => ({
  leftBehind: f.leftBehind,
  singleParent: f.singleParent,
  hardship: f.hardship,
  disability: f.disability,
  learningDifficulty: f.learningDifficulty,
});

/** Where the user may read files: the whole district, schools (administrator, care staff), classes (class teacher). */
async function readableScope(ctx: Ctx) {
  const careSchools = await careStaffSchools(ctx);
  const schools = new Set(careSchools);
  const classes = new Set<string>();
  let district = districtWide(ctx, 'home-school.special.read');
  for (const g of ctx.grants) {
    if (g.role === 'school_admin' && g.school !== '*') g.school.forEach((s) => schools.add(s));
    if (g.role === 'class_teacher' && g.class !== '*') g.class.forEach((c) => classes.add(c));
    if (g.role === 'district_admin') district = true;
  }
  return { district, schools: [...schools], classes: [...classes], careSchools };
}

export async function listSpecial(ctx: Ctx, query: { classId?: string }): Promise<{ items: SpecialStudent[]; specialMin: number; policyVersions: string | null }> {
  const scope = await readableScope(ctx);
  if (!scope.district && !scope.schools.length && !scope.classes.length) throw forbidden('只有班主任、学校指定的关爱专干、学校管理员和区教育局可查看特殊学生档案');
  const found = scope.district
    ? await specialStudents(ctx.db, ctx.user.districtId, query.classId ? { classIds: [query.classId] } : {})
    : [
        ...(await eachAtOnce(ctx.db, scope.schools, (schoolId) => specialStudents(ctx.db, ctx.user.districtId, { schoolId }))).flat(),
        ...(await specialStudents(ctx.db, ctx.user.districtId, { classIds: scope.classes })),
      ];
  const pupils = await pupilsByIds(ctx, found.map((f) => f.studentId));
  const readable = [...new Map(found.map((f) => [f.studentId, f])).values()].filter((f) => {
    const p = pupils.get(f.studentId);
    return p && specialReader(ctx, scope.careSchools, p) && (!query.classId || p.classId === query.classId);
  });
  const day = today(ctx);
  const { values, versions } = await homeSchoolPolicy(ctx.db, ctx.user.districtId, day);
  const items = await describe(ctx, readable, pupils);
  await audit(ctx.db, ctx.actor, { action: 'home-school.special.list', entity: 'hs_special_file', after: { classId: query.classId ?? null, count: items.length } });
  return { items, specialMin: values['home-school.visits'].specialMin, policyVersions: versionOf(versions, 'home-school.visits') };
}

async function describe(ctx: Ctx, refs: readonly SpecialStudentRef[], pupils: Awaited<ReturnType<typeof pupilsByIds>>): Promise<SpecialStudent[]> {
  if (!refs.length) return [];
  const ids = refs.map((r) => r.studentId);
  const F = hsSpecialFiles;
  const files = await ctx.db.select().from(F).where(and(eq(F.districtId, ctx.user.districtId), inArray(F.studentId, ids)));
  const semester = await currentSemester(ctx.db, ctx.user.districtId, today(ctx));
  const V = hsVisits;
  const visits = semester
    ? await ctx.db
        .select({ studentId: V.studentId, n: sql<number>`count(*)::int` })
        .from(V)
        .where(and(eq(V.districtId, ctx.user.districtId), eq(V.semesterId, semester.id), inArray(V.studentId, ids)))
        .groupBy(V.studentId)
    : [];
  const names = await userNames(ctx.db, ctx.user.districtId, files.map((f) => f.standInId ?? ''));
  const S = studentDirectory;
  const schoolNames = new Map(
    (await ctx.db.selectDistinct({ id: S.schoolId, name: S.schoolName }).from(S).where(and(eq(S.districtId, ctx.user.districtId), inArray(S.id, ids)))).map((r) => [r.id, r.name]),
  );
  return refs
    .map((r) => {
      const p = pupils.get(r.studentId)!;
      const file = files.find((f) => f.studentId === r.studentId);
      return {
        studentId: r.studentId,
        name: r.name,
        classId: p.classId,
        className: p.className,
        schoolName: schoolNames.get(p.schoolId) ?? '',
        flags: flagsOnly(r.flags),
        hasFile: !!file,
        standInName: file?.standInId ? (names.get(file.standInId) ?? null) : null,
        lastCareDate: file?.lastCareDate ?? null,
        visitsThisSemester: Number(visits.find((v) => v.studentId === r.studentId)?.n ?? 0),
      };
    })
    .sort((a, b) => a.className.localeCompare(b.className, 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

/** The file of one special student, if the user may read it; the read is audited. Anyone else: 404. */
async function loadReadable(ctx: Ctx, studentId: string) {
  const pupil = await reachablePupil(ctx, studentId).catch(() => null);
  const careSchools = await careStaffSchools(ctx);
  if (!pupil || !specialReader(ctx, careSchools, pupil)) throw notFound('特殊学生档案');
  const [ref] = await specialStudents(ctx.db, ctx.user.districtId, { studentIds: [studentId] });
  if (!ref) throw notFound('特殊学生档案');
  const canWrite = specialReader(ctx, careSchools, pupil, 'home-school.special.write');
  return { pupil, ref, canWrite, careSchools };
}

export async function getSpecialFile(ctx: Ctx, studentId: string): Promise<SpecialFile> {
  const { pupil, ref, canWrite } = await loadReadable(ctx, studentId);
  const pupils = await pupilsByIds(ctx, [studentId]);
  const [base] = await describe(ctx, [ref], pupils);
  const F = hsSpecialFiles;
  const [file] = await ctx.db.select().from(F).where(and(eq(F.districtId, ctx.user.districtId), eq(F.studentId, studentId)));
  const R = hsCareRecords;
  const records = await ctx.db.select().from(R).where(and(eq(R.districtId, ctx.user.districtId), eq(R.studentId, studentId))).orderBy(desc(R.date), desc(R.createdAt));
  const staffIds = [
    ...new Set(
      (await eachAtOnce(ctx.db, (['school_admin', 'class_teacher', 'teacher', 'grade_leader', 'subject_leader'] as const), (role) => roleHolders(ctx.db, ctx.user.districtId, role, { schoolId: pupil.schoolId }))).flat(),
    ),
  ];
  const names = await userNames(ctx.db, ctx.user.districtId, [...staffIds, ...records.map((r) => r.byId)]);
  const standInPhone = await userPhone(ctx.db, ctx.user.districtId, file?.standInId);
  const { values } = await homeSchoolPolicy(ctx.db, ctx.user.districtId, today(ctx));
  await audit(ctx.db, ctx.actor, { action: 'home-school.special.read', entity: 'student', entityId: studentId });
  return {
    ...base!,
    note: ref.flags.note,
    goals: openNullable(file?.goals),
    measures: openNullable(file?.measures),
    responsible: openNullable(file?.responsible),
    standInId: file?.standInId ?? null,
    standInPhone,
    specialMin: values['home-school.visits'].specialMin,
    standInRequired: ref.flags.leftBehind && values['home-school.care'].standInRequired,
    records: records.map((r) => ({ id: r.id, kind: r.kind, date: r.date, byName: names.get(r.byId) ?? '', content: open(r.content), followUp: openNullable(r.followUp) })),
    staff: staffIds.map((id) => ({ id, name: names.get(id) ?? '' })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
    canWrite,
  };
}

/** Opens or updates the care plan and the stand-in parent (a staff member of the pupil's school). */
export async function saveCarePlan(ctx: Ctx, studentId: string, input: CarePlanInput): Promise<SpecialFile> {
  const { pupil, ref, canWrite } = await loadReadable(ctx, studentId);
  if (!canWrite) throw forbidden('只有班主任、关爱专干和学校管理员可修改特殊学生档案');
  const day = today(ctx);
  const { values, versions } = await homeSchoolPolicy(ctx.db, ctx.user.districtId, day);
  const finding = checkStandIn(ref.flags.leftBehind, input.standInId, values['home-school.care'].standInRequired);
  if (finding) throw ruleViolation(`${finding.message}（规则 ${finding.rule}，版本 ${versionOf(versions, finding.rule) ?? '默认'}）`, { field: 'standInId', rule: finding.rule });
  if (input.standInId) {
    const staff = (await eachAtOnce(ctx.db, (['school_admin', 'class_teacher', 'teacher', 'grade_leader', 'subject_leader'] as const), (role) => roleHolders(ctx.db, ctx.user.districtId, role, { schoolId: pupil.schoolId }))).flat();
    if (!staff.includes(input.standInId)) throw ruleViolation('代理家长须是本校教职工', { field: 'standInId' });
  }
  const semester = await currentSemester(ctx.db, ctx.user.districtId, day);
  await ctx.db.transaction(async (tx) => {
    const F = hsSpecialFiles;
    const [before] = await tx.select().from(F).where(and(eq(F.districtId, ctx.user.districtId), eq(F.studentId, studentId)));
    const values = { goals: sealNullable(input.goals), measures: sealNullable(input.measures), responsible: sealNullable(input.responsible), standInId: input.standInId, updatedBy: ctx.user.id, updatedAt: ctx.now() };
    await tx
      .insert(F)
      .values({ districtId: ctx.user.districtId, studentId, schoolId: pupil.schoolId, classId: pupil.classId, ...values })
      .onConflictDoUpdate({ target: [F.districtId, F.studentId], set: { ...values, schoolId: pupil.schoolId, classId: pupil.classId } });
    if (!before && semester)
      await bumpIndicators(tx, [{ districtId: ctx.user.districtId, schoolId: pupil.schoolId, classId: pupil.classId, indicator: HS_INDICATORS.specialFiles, period: semesterPeriod(semester.id), num: 1, den: 0 }]);
    await audit(tx, ctx.actor, { action: before ? 'home-school.special.plan' : 'home-school.special.open', entity: 'student', entityId: studentId, after: { standInId: input.standInId } });
  });
  return getSpecialFile(ctx, studentId);
}

export async function addCareRecord(ctx: Ctx, studentId: string, input: CareRecordInput): Promise<SpecialFile> {
  const { pupil, canWrite } = await loadReadable(ctx, studentId);
  if (!canWrite) throw forbidden('只有班主任、关爱专干和学校管理员可记录关爱');
  const day = today(ctx);
  if (input.date > day) throw ruleViolation(`关爱记录日期 ${input.date} 晚于今天：只能记录已做的关爱`, { field: 'date' });
  const F = hsSpecialFiles;
  const [file] = await ctx.db.select({ studentId: F.studentId }).from(F).where(and(eq(F.districtId, ctx.user.districtId), eq(F.studentId, studentId)));
  if (!file) throw ruleViolation('请先建立该生档案（关爱计划）再记录关爱', { field: 'studentId' });
  await ctx.db.transaction(async (tx) => {
    const [r] = await tx
      .insert(hsCareRecords)
      .values({ districtId: ctx.user.districtId, studentId, schoolId: pupil.schoolId, classId: pupil.classId, kind: input.kind, date: input.date, byId: ctx.user.id, content: seal(input.content), followUp: sealNullable(input.followUp) })
      .returning({ id: hsCareRecords.id });
    await tx
      .update(F)
      .set({ lastCareDate: sql`greatest(coalesce(${F.lastCareDate}, ${input.date}::date), ${input.date}::date)` })
      .where(and(eq(F.districtId, ctx.user.districtId), eq(F.studentId, studentId)));
    await audit(tx, ctx.actor, { action: 'home-school.special.care', entity: 'student', entityId: studentId, after: { recordId: r!.id, kind: input.kind, date: input.date } });
  });
  return getSpecialFile(ctx, studentId);
}

