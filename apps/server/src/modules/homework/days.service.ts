/**
 * A class's day: the load check while homework is being set, coordination by the class teacher, approval by academic
 * affairs (教务处审核把关) and publication (作业公示) as an immutable, versioned list. An over-limit or forbidden day can
 * never be published.
 */
import type { z } from 'zod';
import type { ClassDay, HomeworkSettingsInput, LoadCheckRequest, Todo } from '@shuangjian/contracts';
import { checkClassDay, countsTowardLimit, type DayKind, type HomeworkPolicy, limitFor, type LocalDate, addDays } from '@shuangjian/policy';
import { and, asc, desc, eq, gte, inArray, ne, or } from 'drizzle-orm';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import type { Queryable } from '../../platform/db';
import { AppError, conflict, found, invalid } from '../../platform/errors';
import { notify } from '../../platform/notify';
import { homeworkPolicy } from '../../platform/policy';
import { roleAssignments, schools } from '../org/schema';
import { users } from '../../platform/schema';
import { type ClassRef, dayKinds, requireRole, settingsOf, visibleClass, visibleClasses } from './common';
import { dayItems, itemQuery, toItems, today } from './items.service';
import { refreshPlanned } from './rollups';
import { homeworkDays, homeworkItems, homeworkPublished, homeworkSettings } from './schema';

async function dayContext(q: Queryable, cls: ClassRef, date: LocalDate) {
  const [{ policy, versions }, kinds] = await Promise.all([homeworkPolicy(q, cls.districtId, date), dayKinds(q, cls.districtId, cls.schoolId, [date])]);
  const kind = kinds.get(date) ?? { kind: 'school_day' as DayKind, name: null };
  return { policy, versions, kind, limit: limitFor(policy, kind.kind, cls.grade) };
}

async function loadDay(q: Queryable, cls: ClassRef, date: LocalDate) {
  await q.insert(homeworkDays).values({ districtId: cls.districtId, classId: cls.id, date, schoolId: cls.schoolId }).onConflictDoNothing();
  const [day] = await q
    .select()
    .from(homeworkDays)
    .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)))
    .for('update');
  return day!;
}

const readyItems = async (q: Queryable, cls: ClassRef, date: LocalDate) => (await dayItems(q, cls, date)).filter((r) => r.item.status === 'ready');

function checkOf(rows: Awaited<ReturnType<typeof dayItems>>, cls: ClassRef, kind: DayKind, policy: HomeworkPolicy) {
  return checkClassDay(
    rows.map((r) => ({ id: r.item.id, subjectName: r.subjectName, type: r.item.type, layer: r.item.layer, place: r.item.place, minutes: r.item.minutes, content: r.item.content })),
    cls.grade,
    kind,
    policy,
  );
}

/**
 * After any change to a day's ready items: a published or submitted day reopens for coordination (its published list
 * stays visible until the correction is published); where the school runs no coordination step the day moves on by
 * itself when it passes every rule. Keeps the planned-load rollup current.
 */
export async function dayChanged(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate) {
  const day = await loadDay(tx, cls, date);
  if (day.status !== 'open') {
    await tx
      .update(homeworkDays)
      .set({ status: 'open', updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
  }
  const { policy, kind, limit } = await dayContext(tx, cls, date);
  const settings = await settingsOf(tx, cls.districtId, cls.schoolId);
  if (!settings.classCoordination) {
    const ready = await readyItems(tx, cls, date);
    const check = checkOf(ready, cls, kind.kind, policy);
    if (ready.length && check.violations.length === 0) {
      const reason = day.publishedVersion > 0 ? '作业更新（学校未设班主任协调环节，自动提交）' : null;
      await advance(ctx, tx, cls, date, { ...day, status: 'open' }, reason, settings.schoolApproval);
      return;
    }
  }
  await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, day.publishedVersion > 0);
}

/** Submitted day: to academic affairs, or published at once where the school has no approval step. */
async function advance(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate, day: typeof homeworkDays.$inferSelect, note: string | null, approval: boolean) {
  if (approval) {
    await tx
      .update(homeworkDays)
      .set({ status: 'pending_approval', submittedBy: ctx.user.id, submittedAt: ctx.now(), submitNote: note, returnReason: null, updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
    const admins = await tx
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.districtId, cls.districtId), eq(roleAssignments.schoolId, cls.schoolId), eq(roleAssignments.role, 'school_admin')));
    await notify(tx, cls.districtId, admins.map((a) => a.userId), {
      kind: 'homework.to_approve',
      title: `${cls.name} ${date} 的作业${day.publishedVersion > 0 ? '更正' : ''}待审核`,
      body: note,
      link: `/homework/day/${cls.id}/${date}`,
    });
    const { policy, kind, limit } = await dayContext(tx, cls, date);
    await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, day.publishedVersion > 0);
    return;
  }
  await publish(ctx, tx, cls, date, day, note);
}

/** 作业公示: a new immutable version of the class's list for the day. Refuses a day that breaks any rule. */
async function publish(ctx: Ctx, tx: Queryable, cls: ClassRef, date: LocalDate, day: typeof homeworkDays.$inferSelect, reason: string | null) {
  const { policy, kind, limit } = await dayContext(tx, cls, date);
  const ready = await readyItems(tx, cls, date);
  const check = checkOf(ready, cls, kind.kind, policy);
  if (check.violations.length) throw new AppError(422, 'RULE_VIOLATION', check.violations[0]!.message, { check });
  const version = day.publishedVersion + 1;
  if (version > 1 && !reason) throw invalid('reason', '更正原因', '已公示的清单再次公示须说明更正原因');
  const items = await toItems(tx, ready);
  const [school] = await tx.select({ name: schools.name }).from(schools).where(and(eq(schools.districtId, cls.districtId), eq(schools.id, cls.schoolId)));
  const snapshot = items.map((i) => ({
    itemId: i.id,
    subjectName: i.subjectName,
    teacherName: i.teacherName,
    title: i.title,
    content: i.content,
    type: i.type,
    layer: i.layer,
    place: i.place,
    minutes: i.minutes,
    links: i.links,
    attachments: i.attachments,
  }));
  await tx.insert(homeworkPublished).values({
    districtId: cls.districtId,
    classId: cls.id,
    date,
    version,
    schoolId: cls.schoolId,
    grade: cls.grade,
    dayKind: kind.kind,
    limit,
    written: check.written,
    optional: check.optional,
    other: check.other,
    inSchool: check.inSchool,
    items: snapshot,
    reason,
    publishedBy: ctx.user.id,
    publishedByName: ctx.user.name,
  });
  await tx
    .update(homeworkDays)
    .set({ status: 'published', publishedVersion: version, returnReason: null, updatedAt: ctx.now() })
    .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
  await audit(tx, ctx.actor, {
    action: version > 1 ? 'homework.publish.correction' : 'homework.publish',
    entity: 'homework_day',
    entityId: `${cls.id}/${date}`,
    after: { version, written: check.written, limit, items: snapshot.map((s) => s.itemId), reason, school: school?.name },
  });
  await refreshPlanned(tx, { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, grade: cls.grade, date, dayKind: kind.kind, limit }, policy, true);
}

export async function publishedHistory(q: Queryable, cls: ClassRef, date: LocalDate) {
  return q
    .select()
    .from(homeworkPublished)
    .where(and(eq(homeworkPublished.districtId, cls.districtId), eq(homeworkPublished.classId, cls.id), eq(homeworkPublished.date, date)))
    .orderBy(desc(homeworkPublished.version));
}

export async function getDay(ctx: Ctx, classId: string, date: LocalDate): Promise<z.output<typeof ClassDay>> {
  const cls = await visibleClass(ctx, classId);
  const [rows, { policy, kind }, settings, history, [day]] = await Promise.all([
    dayItems(ctx.db, cls, date),
    dayContext(ctx.db, cls, date),
    settingsOf(ctx.db, cls.districtId, cls.schoolId),
    publishedHistory(ctx.db, cls, date),
    ctx.db.select().from(homeworkDays).where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date))),
  ]);
  const inChain = rows.filter((r) => r.item.status === 'ready' || r.item.status === 'pending_check');
  return {
    classId: cls.id,
    className: cls.name,
    schoolId: cls.schoolId,
    grade: cls.grade,
    date,
    dayKind: kind.kind,
    dayName: kind.name,
    status: day?.status ?? 'open',
    publishedVersion: day?.publishedVersion ?? 0,
    submitNote: day?.submitNote ?? null,
    returnReason: day?.returnReason ?? null,
    check: checkOf(inChain, cls, kind.kind, policy),
    readyCheck: checkOf(rows.filter((r) => r.item.status === 'ready'), cls, kind.kind, policy),
    items: await toItems(ctx.db, rows),
    history: history.map((h) => ({ version: h.version, reason: h.reason, publishedBy: h.publishedByName, publishedAt: h.publishedAt.toISOString(), written: h.written })),
    settings,
  };
}

/** The class teacher hands the coordinated day on (to approval, or straight to publication). */
export async function submitDay(ctx: Ctx, classId: string, date: LocalDate, note: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.coordinate', cls, '只有本班班主任可以提交本班当日作业');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status === 'pending_approval') throw conflict('当日作业已提交，正等待教务处审核');
    if (day.status === 'published') throw conflict('当日作业已公示，且之后没有变化');
    const { policy, kind } = await dayContext(tx, cls, date);
    const check = checkOf(await readyItems(tx, cls, date), cls, kind.kind, policy);
    if (check.violations.length) throw new AppError(422, 'RULE_VIOLATION', check.violations[0]!.message, { check });
    if (day.publishedVersion > 0 && !note) throw invalid('note', '更正原因', '已公示的清单再次提交须说明更正原因');
    const settings = await settingsOf(tx, cls.districtId, cls.schoolId);
    await audit(tx, ctx.actor, { action: 'homework.day.submit', entity: 'homework_day', entityId: `${cls.id}/${date}`, after: { note, written: check.written } });
    await advance(ctx, tx, cls, date, day, note, settings.schoolApproval);
  });
  return getDay(ctx, classId, date);
}

/** 教务处审核把关: approve (publish) a submitted day. */
export async function approveDay(ctx: Ctx, classId: string, date: LocalDate, reason: string | null) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status !== 'pending_approval') throw conflict('当日作业不在待审核状态');
    await publish(ctx, tx, cls, date, day, day.submitNote ?? reason);
  });
  return getDay(ctx, classId, date);
}

export async function returnDay(ctx: Ctx, classId: string, date: LocalDate, reason: string) {
  const cls = await visibleClass(ctx, classId);
  requireRole(ctx, 'homework.approve', cls, '只有本校教务处可以审核');
  await ctx.db.transaction(async (tx) => {
    const day = await loadDay(tx, cls, date);
    if (day.status !== 'pending_approval') throw conflict('当日作业不在待审核状态');
    await tx
      .update(homeworkDays)
      .set({ status: 'open', returnReason: reason, updatedAt: ctx.now() })
      .where(and(eq(homeworkDays.districtId, cls.districtId), eq(homeworkDays.classId, cls.id), eq(homeworkDays.date, date)));
    await audit(tx, ctx.actor, { action: 'homework.day.return', entity: 'homework_day', entityId: `${cls.id}/${date}`, after: { reason } });
    const teachers = await tx
      .select({ userId: roleAssignments.userId })
      .from(roleAssignments)
      .where(and(eq(roleAssignments.districtId, cls.districtId), eq(roleAssignments.classId, cls.id), eq(roleAssignments.role, 'class_teacher')));
    await notify(tx, cls.districtId, teachers.map((t) => t.userId), {
      kind: 'homework.day_returned',
      title: `${cls.name} ${date} 的作业被教务处退回`,
      body: `${ctx.user.name}：${reason}`,
      link: `/homework/day/${cls.id}/${date}`,
    });
  });
  return getDay(ctx, classId, date);
}

/** The load check shown while typing: each target class and day, with the draft added. Reads only. */
export async function loadCheck(ctx: Ctx, input: z.output<typeof LoadCheckRequest>) {
  requirePermission(ctx, 'homework.read');
  const targets = await visibleClasses(ctx, input.classIds);
  const rows = await itemQuery(ctx.db).where(
    and(
      eq(homeworkItems.districtId, ctx.user.districtId),
      inArray(homeworkItems.classId, targets.map((c) => c.id)),
      inArray(homeworkItems.date, input.dates),
      inArray(homeworkItems.status, ['pending_check', 'ready']),
      input.excludeItemId ? ne(homeworkItems.id, input.excludeItemId) : undefined,
    ),
  );
  const dayRows = await ctx.db
    .select({ classId: homeworkDays.classId, date: homeworkDays.date, status: homeworkDays.status, publishedVersion: homeworkDays.publishedVersion })
    .from(homeworkDays)
    .where(and(eq(homeworkDays.districtId, ctx.user.districtId), inArray(homeworkDays.classId, targets.map((c) => c.id)), inArray(homeworkDays.date, input.dates)));
  const bySchool = new Map<string, Map<LocalDate, { kind: DayKind; name: string | null }>>();
  for (const schoolId of new Set(targets.map((c) => c.schoolId))) bySchool.set(schoolId, await dayKinds(ctx.db, ctx.user.districtId, schoolId, input.dates));
  const { policy, versions } = await homeworkPolicy(ctx.db, ctx.user.districtId, input.dates[0]!);
  const draft = input.draft ? { id: null, subjectName: '本条', ...input.draft } : null;
  const entries = targets.flatMap((cls) =>
    input.dates.map((date) => {
      const kind = bySchool.get(cls.schoolId)!.get(date) ?? { kind: 'school_day' as DayKind, name: null };
      const existing = rows.filter((r) => r.item.classId === cls.id && r.item.date === date);
      const loadItems = existing.map((r) => ({ id: r.item.id, subjectName: r.subjectName, type: r.item.type, layer: r.item.layer, place: r.item.place, minutes: r.item.minutes, content: r.item.content }));
      const check = checkClassDay(draft ? [...loadItems, draft] : loadItems, cls.grade, kind.kind, policy);
      return {
        classId: cls.id,
        className: cls.name,
        grade: cls.grade,
        date,
        dayName: kind.name,
        check,
        adds: draft && countsTowardLimit(draft) ? draft.minutes : 0,
        items: existing.map((r) => ({ id: r.item.id, subjectName: r.subjectName, teacherName: r.teacherName, type: r.item.type, layer: r.item.layer, place: r.item.place, minutes: r.item.minutes, status: r.item.status })),
        policyVersion: versions,
        dayStatus: dayRows.find((d) => d.classId === cls.id && d.date === date)?.status ?? null,
        publishedVersion: dayRows.find((d) => d.classId === cls.id && d.date === date)?.publishedVersion ?? 0,
      };
    }),
  );
  return { entries, blocked: entries.some((e) => e.check.violations.length > 0) };
}

/** What waits for me: drafts and returned items (teacher), content to check (leaders), days to coordinate, days to approve. */
export async function todo(ctx: Ctx): Promise<z.output<typeof Todo>> {
  requirePermission(ctx, 'homework.read');
  const from = addDays(today(ctx), -1);
  const mine = and(eq(homeworkItems.districtId, ctx.user.districtId), eq(homeworkItems.teacherId, ctx.user.id));
  const checkGrants = ctx.grants.filter((g) => g.role === 'subject_leader' || g.role === 'grade_leader');
  const checkScope = or(
    ...checkGrants.map((g) =>
      g.role === 'subject_leader'
        ? and(inArray(homeworkItems.schoolId, g.school === '*' ? [] : [...g.school]), eq(homeworkItems.subjectId, g.subjectId ?? ''))
        : and(inArray(homeworkItems.schoolId, g.school === '*' ? [] : [...g.school]), eq(homeworkItems.grade, g.grade ?? 0)),
    ),
  );
  const coordinateClasses = ctx.grants.filter((g) => g.role === 'class_teacher').flatMap((g) => (g.class === '*' ? [] : [...g.class]));
  const approveSchools = ctx.grants.filter((g) => g.role === 'school_admin').flatMap((g) => (g.school === '*' ? [] : [...g.school]));
  const [drafts, returned, toCheck, coordinateRows, approveRows] = await Promise.all([
    itemQuery(ctx.db).where(and(mine, eq(homeworkItems.status, 'draft'), gte(homeworkItems.date, from))).orderBy(asc(homeworkItems.date)),
    itemQuery(ctx.db).where(and(mine, eq(homeworkItems.status, 'returned'))).orderBy(asc(homeworkItems.date)),
    checkGrants.length
      ? itemQuery(ctx.db)
          .where(and(eq(homeworkItems.districtId, ctx.user.districtId), eq(homeworkItems.status, 'pending_check'), checkScope, gte(homeworkItems.date, from)))
          .orderBy(asc(homeworkItems.date))
      : Promise.resolve([]),
    coordinateClasses.length
      ? Promise.all([
          itemQuery(ctx.db).where(
            and(
              eq(homeworkItems.districtId, ctx.user.districtId),
              inArray(homeworkItems.classId, coordinateClasses),
              inArray(homeworkItems.status, ['pending_check', 'ready']),
              gte(homeworkItems.date, from),
            ),
          ),
          ctx.db
            .select({ classId: homeworkDays.classId, date: homeworkDays.date, status: homeworkDays.status })
            .from(homeworkDays)
            .where(and(eq(homeworkDays.districtId, ctx.user.districtId), inArray(homeworkDays.classId, coordinateClasses), gte(homeworkDays.date, from))),
        ]).then(([items, days]) =>
          items.filter((r) => (days.find((d) => d.classId === r.item.classId && d.date === r.item.date)?.status ?? 'open') === 'open'),
        )
      : Promise.resolve([]),
    approveSchools.length
      ? ctx.db
          .select({ day: homeworkDays, submittedBy: users.name })
          .from(homeworkDays)
          .leftJoin(users, and(eq(users.districtId, homeworkDays.districtId), eq(users.id, homeworkDays.submittedBy)))
          .where(and(eq(homeworkDays.districtId, ctx.user.districtId), inArray(homeworkDays.schoolId, approveSchools), eq(homeworkDays.status, 'pending_approval')))
          .orderBy(asc(homeworkDays.date))
      : Promise.resolve([]),
  ]);
  // days to coordinate, each checked against its own limit
  const groups = new Map<string, typeof coordinateRows>();
  for (const r of coordinateRows) {
    const key = `${r.item.classId}|${r.item.date}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const classRefs = groups.size ? await visibleClasses(ctx, [...new Set(coordinateRows.map((r) => r.item.classId))]) : [];
  const toCoordinate = [];
  for (const [key, group] of groups) {
    const [classId, date] = key.split('|') as [string, LocalDate];
    const cls = classRefs.find((c) => c.id === classId)!;
    const { policy, kind } = await dayContext(ctx.db, cls, date);
    const check = checkOf(group.filter((r) => r.item.status === 'ready'), cls, kind.kind, policy);
    toCoordinate.push({
      classId,
      className: cls.name,
      date,
      status: 'open' as const,
      written: check.written,
      limit: check.limit,
      violations: check.violations.length,
      pending: group.filter((r) => r.item.status === 'pending_check').length,
    });
  }
  toCoordinate.sort((a, b) => a.date.localeCompare(b.date) || a.className.localeCompare(b.className));
  const approveClasses = approveRows.length ? await visibleClasses(ctx, [...new Set(approveRows.map((r) => r.day.classId))]) : [];
  const toApprove = [];
  for (const r of approveRows) {
    const cls = approveClasses.find((c) => c.id === r.day.classId)!;
    const { policy, kind } = await dayContext(ctx.db, cls, r.day.date);
    const check = checkOf(await readyItems(ctx.db, cls, r.day.date), cls, kind.kind, policy);
    toApprove.push({
      classId: cls.id,
      className: cls.name,
      date: r.day.date,
      written: check.written,
      limit: check.limit,
      submittedBy: r.submittedBy,
      note: r.day.submitNote,
      correction: r.day.publishedVersion > 0,
    });
  }
  return {
    drafts: await toItems(ctx.db, drafts),
    returned: await toItems(ctx.db, returned),
    toCheck: toCheck.length ? await toItems(ctx.db, toCheck) : [],
    toCoordinate,
    toApprove,
  };
}

export async function getSettings(ctx: Ctx, schoolId: string) {
  const [cls] = await ctx.db.select({ id: schools.id, zoneId: schools.zoneId }).from(schools).where(and(scoped(ctx, schools, 'homework.read'), eq(schools.id, schoolId)));
  if (!cls) throw found([], '学校');
  return { schoolId, ...(await settingsOf(ctx.db, ctx.user.districtId, schoolId)) };
}

export async function saveSettings(ctx: Ctx, schoolId: string, input: z.output<typeof HomeworkSettingsInput>) {
  const [school] = await ctx.db.select().from(schools).where(and(scoped(ctx, schools, 'homework.read'), eq(schools.id, schoolId)));
  if (!school) throw found([], '学校');
  if (!coveringGrants(ctx, 'homework.settings', { districtId: school.districtId, zone: school.zoneId, school: school.id }).length) throw new AppError(403, 'FORBIDDEN', '只有本校教务处或区教育局可以设置审核环节');
  await ctx.db.transaction(async (tx) => {
    const before = await settingsOf(tx, school.districtId, schoolId);
    await tx
      .insert(homeworkSettings)
      .values({ districtId: school.districtId, schoolId, ...input, updatedBy: ctx.user.id })
      .onConflictDoUpdate({ target: [homeworkSettings.districtId, homeworkSettings.schoolId], set: { ...input, updatedBy: ctx.user.id, updatedAt: ctx.now() } });
    await audit(tx, ctx.actor, { action: 'homework.settings', entity: 'school', entityId: schoolId, before, after: input });
  });
  return { schoolId, ...input };
}

