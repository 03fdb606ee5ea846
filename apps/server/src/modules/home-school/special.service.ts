/**
 * 一人一档: special students' files. Only the class teacher of the pupil's class, the school's designated care staff,
 * the school's administrator and the district administrator read them; anyone else gets 404 for a file (as for an
 * unknown pupil) and never a flag. Every read of a file is written to the audit log (home-school.special.read), and
 * every page of the register as one entry (home-school.special.list).
 */
import { type CarePlanInput, type CareRecordInput, HS_INDICATORS, type SpecialFile, type SpecialListQuery, type SpecialStudent, type SpecialStudentList } from '@shuangjian/contracts';
import { checkStandIn } from '@shuangjian/policy';
import { and, desc, eq, ilike, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import { type Ctx, districtWide, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { open, openNullable, seal, sealNullable } from '../../platform/crypto';
import { today } from '../../platform/clock';
import { eachAtOnce, pgArray, rowsOf } from '../../platform/db';
import { forbidden, notFound, ruleViolation } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { classDirectory, classHeadcounts, roleHolders, specialStudents, type SpecialStudentRef, studentDirectory } from '../org';
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

/**
 * One page of the register. The special pupils come from org with their flags opened (the flags are sealed at rest,
 * so the flag filter is matched on the opened flags); the page itself — reach, school, class, file, name, the order
 * and the counts — is one statement. The read is audited as one entry naming the filters, the page and the pupils shown.
 */
export async function listSpecial(ctx: Ctx, query: SpecialListQuery): Promise<SpecialStudentList> {
  const scope = await readableScope(ctx);
  if (!scope.district && !scope.schools.length && !scope.classes.length) throw forbidden('只有班主任、学校指定的关爱专干、学校管理员和区教育局可查看特殊学生档案');
  const d = ctx.user.districtId;
  const { schoolId, classId, flag, hasFile, page, pageSize } = query;
  const q = query.q?.trim() || undefined;
  const classIds = classId ? { classIds: [classId] } : {};
  const found = scope.district
    ? await specialStudents(ctx.db, d, { ...(schoolId ? { schoolId } : {}), ...classIds })
    : [
        ...(await eachAtOnce(ctx.db, scope.schools.filter((s) => !schoolId || s === schoolId), (s) => specialStudents(ctx.db, d, { schoolId: s, ...classIds }))).flat(),
        ...(await specialStudents(ctx.db, d, { classIds: scope.classes.filter((c) => !classId || c === classId), ...(schoolId ? { schoolId } : {}) })),
      ];
  const flagsOf = new Map(found.map((f) => [f.studentId, f.flags]));
  const ids = [...flagsOf].filter(([, f]) => !flag || f[flag]).map(([id]) => id);
  const day = today(ctx);
  const { values, versions } = await homeSchoolPolicy(ctx.db, d, day);
  const specialMin = values['home-school.visits'].specialMin;
  const semester = await currentSemester(ctx.db, d, day);

  const S = studentDirectory;
  const F = hsSpecialFiles;
  const V = hsVisits;
  const among = sql`${pgArray(ids)}::uuid[]`;
  const visits = ctx.db
    .select({ studentId: V.studentId, n: sql<number>`count(*)::int`.as('n') })
    .from(V)
    .where(and(eq(V.districtId, d), semester ? eq(V.semesterId, semester.id) : sql`false`, sql`${V.studentId} = any(${among})`))
    .groupBy(V.studentId)
    .as('v');
  const visitsOf = sql<number>`coalesce(${visits.n}, 0)::int`;
  const where = and(
    eq(S.districtId, d),
    eq(S.status, 'active'),
    sql`${S.id} = any(${among})`,
    scoped(ctx, S, 'org.read'),
    or(scoped(ctx, S, 'home-school.special.read'), scope.careSchools.length ? inArray(S.schoolId, scope.careSchools) : undefined),
    schoolId ? eq(S.schoolId, schoolId) : undefined,
    classId ? eq(S.classId, classId) : undefined,
    hasFile === 'true' ? isNotNull(F.studentId) : hasFile === 'false' ? isNull(F.studentId) : undefined,
    q ? ilike(S.name, `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  );
  const counts = { total: sql<number>`(count(*) over ())::int`, belowMin: sql<number>`(count(*) filter (where ${visitsOf} < ${specialMin}) over ())::int` };
  const rows = ids.length
    ? await ctx.db
        .select({ studentId: S.id, name: S.name, classId: S.classId, className: S.className, schoolName: S.schoolName, fileOf: F.studentId, standInId: F.standInId, lastCareDate: F.lastCareDate, visits: visitsOf, ...counts })
        .from(S)
        .leftJoin(F, and(eq(F.districtId, S.districtId), eq(F.studentId, S.id)))
        .leftJoin(visits, eq(visits.studentId, S.id))
        .where(where)
        .orderBy(S.schoolName, S.grade, S.className, S.name, S.id)
        .limit(pageSize)
        .offset((page - 1) * pageSize)
    : [];
  // a page past the end has no row to carry the counts
  const [tally] = rows.length || !ids.length
    ? rows
    : await ctx.db.select(counts).from(S).leftJoin(F, and(eq(F.districtId, S.districtId), eq(F.studentId, S.id))).leftJoin(visits, eq(visits.studentId, S.id)).where(where).limit(1);
  const names = await userNames(ctx.db, d, rows.map((r) => r.standInId ?? ''));
  const items: SpecialStudent[] = rows.map((r) => ({
    studentId: r.studentId,
    name: r.name,
    classId: r.classId,
    className: r.className,
    schoolName: r.schoolName,
    flags: flagsOnly(flagsOf.get(r.studentId)!),
    hasFile: r.fileOf !== null,
    standInName: r.standInId ? (names.get(r.standInId) ?? null) : null,
    lastCareDate: r.lastCareDate,
    visitsThisSemester: Number(r.visits),
  }));
  const total = Number(tally?.total ?? 0);
  await audit(ctx.db, ctx.actor, {
    action: 'home-school.special.list',
    entity: 'hs_special_file',
    // the flag asked for is a sensitive key: the log records that one was chosen, not which
    after: { schoolId: schoolId ?? null, classId: classId ?? null, sensitive: flag ?? null, hasFile: hasFile ?? null, q: q ?? null, page, pageSize, total, count: items.length, studentIds: items.map((i) => i.studentId) },
  });
  return {
    items,
    total,
    belowMin: Number(tally?.belowMin ?? 0),
    specialMin,
    policyVersions: versionOf(versions, 'home-school.visits'),
    classes: await specialClasses(ctx, scope.careSchools),
  };
}

/** The classes with special pupils the user may read, for the register's school and class filters (counts, not flags). */
async function specialClasses(ctx: Ctx, careSchools: readonly string[]): Promise<SpecialStudentList['classes']> {
  const C = classDirectory;
  const rows = await rowsOf<{ id: string; name: string; school_id: string; school_name: string }>(
    ctx.db,
    sql`select ${C.id} as id, ${C.name} as name, ${C.schoolId} as school_id, ${C.schoolName} as school_name
        from ${C} join ${classHeadcounts(ctx.user.districtId)} h on h.class_id = ${C.id}
        where h.special > 0 and ${scoped(ctx, C, 'org.read')}
          and ${or(scoped(ctx, C, 'home-school.special.read'), careSchools.length ? inArray(C.schoolId, [...careSchools]) : undefined)}
        order by ${C.schoolName}, ${C.grade}, ${C.name}, ${C.id}`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, schoolId: r.school_id, schoolName: r.school_name }));
}

async function describe(ctx: Ctx, refs: readonly SpecialStudentRef[], pupils: Awaited<ReturnType<typeof pupilsByIds>>): Promise<SpecialStudent[]> {
  if (!refs.length) return [];
  const ids = refs.map((r) => r.studentId);
  const F = hsSpecialFiles;
  const files = new Map((await ctx.db.select().from(F).where(and(eq(F.districtId, ctx.user.districtId), inArray(F.studentId, ids)))).map((f) => [f.studentId, f]));
  const semester = await currentSemester(ctx.db, ctx.user.districtId, today(ctx));
  const V = hsVisits;
  const visits = new Map(
    (semester
      ? await ctx.db
          .select({ studentId: V.studentId, n: sql<number>`count(*)::int` })
          .from(V)
          .where(and(eq(V.districtId, ctx.user.districtId), eq(V.semesterId, semester.id), inArray(V.studentId, ids)))
          .groupBy(V.studentId)
      : []
    ).map((v) => [v.studentId, Number(v.n)]),
  );
  const names = await userNames(ctx.db, ctx.user.districtId, [...files.values()].map((f) => f.standInId ?? ''));
  const S = studentDirectory;
  const schoolNames = new Map(
    (await ctx.db.selectDistinct({ id: S.schoolId, name: S.schoolName }).from(S).where(and(eq(S.districtId, ctx.user.districtId), inArray(S.id, ids)))).map((r) => [r.id, r.name]),
  );
  return refs
    .map((r) => {
      const p = pupils.get(r.studentId)!;
      const file = files.get(r.studentId);
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
        visitsThisSemester: visits.get(r.studentId) ?? 0,
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

