/** What waits for me: drafts and returned items (teacher), content to check (leaders), days to coordinate and approve. */
import type { z } from 'zod';
import type { Todo } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce, eachAtOnce } from '../../platform/db';
import { users } from '../../platform/schema';
import { visibleClasses } from './common';
import { checkOf, dayContext, readyItems } from './day-flow';
import { itemQuery, toItems } from './homework.repo';
import { judgeDays } from './load-check.service';
import { homeworkDays, homeworkItems } from './schema';

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
  // a class teacher's items in the chain, on the days still open
  const coordinating = async () => {
    const [items, days] = await atOnce(ctx.db,
      () => itemQuery(ctx.db).where(
        and(
          eq(homeworkItems.districtId, ctx.user.districtId),
          inArray(homeworkItems.classId, coordinateClasses),
          inArray(homeworkItems.status, ['pending_check', 'ready']),
          gte(homeworkItems.date, from),
        ),
      ),
      () => ctx.db
        .select({ classId: homeworkDays.classId, date: homeworkDays.date, status: homeworkDays.status })
        .from(homeworkDays)
        .where(and(eq(homeworkDays.districtId, ctx.user.districtId), inArray(homeworkDays.classId, coordinateClasses), gte(homeworkDays.date, from))),
    );
    return items.filter((r) => (days.find((d) => d.classId === r.item.classId && d.date === r.item.date)?.status ?? 'open') === 'open');
  };
  const [drafts, returned, toCheck, coordinateRows, approveRows] = await atOnce(ctx.db,
    () => itemQuery(ctx.db).where(and(mine, eq(homeworkItems.status, 'draft'), gte(homeworkItems.date, from))).orderBy(asc(homeworkItems.date)),
    () => itemQuery(ctx.db).where(and(mine, eq(homeworkItems.status, 'returned'))).orderBy(asc(homeworkItems.date)),
    () => checkGrants.length
      ? itemQuery(ctx.db)
          .where(and(eq(homeworkItems.districtId, ctx.user.districtId), eq(homeworkItems.status, 'pending_check'), checkScope, gte(homeworkItems.date, from)))
          .orderBy(asc(homeworkItems.date))
      : Promise.resolve([]),
    () => (coordinateClasses.length ? coordinating() : Promise.resolve([])),
    () => approveSchools.length
      ? ctx.db
          .select({ day: homeworkDays, submittedBy: users.name })
          .from(homeworkDays)
          .leftJoin(users, and(eq(users.districtId, homeworkDays.districtId), eq(users.id, homeworkDays.submittedBy)))
          .where(and(eq(homeworkDays.districtId, ctx.user.districtId), inArray(homeworkDays.schoolId, approveSchools), eq(homeworkDays.status, 'pending_approval')))
          .orderBy(asc(homeworkDays.date))
      : Promise.resolve([]),
  );
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
      nonWritten: check.nonWritten,
      submittedBy: r.submittedBy,
      note: r.day.submitNote,
      correction: r.day.publishedVersion > 0,
      violations: check.violations.length,
    });
  }
  // 学科组长 sees each item's whole class-day (every subject, with the limit) beside it
  const checkClasses = toCheck.length ? await visibleClasses(ctx, [...new Set(toCheck.map((r) => r.item.classId))]) : [];
  const checkDays = (
    await eachAtOnce(ctx.db, [...new Set(toCheck.map((r) => r.item.date))], (date) =>
      judgeDays(ctx.db, ctx.user.districtId, checkClasses.filter((c) => toCheck.some((r) => r.item.classId === c.id && r.item.date === date)), [date]),
    )
  )
    .flat()
    .map((e) => ({ classId: e.classId, className: e.className, date: e.date, check: e.check, policyVersion: e.policyVersion }));
  return {
    drafts: await toItems(ctx.db, drafts),
    returned: await toItems(ctx.db, returned),
    toCheck: toCheck.length ? await toItems(ctx.db, toCheck) : [],
    toCoordinate,
    toApprove,
    checkDays,
  };
}

