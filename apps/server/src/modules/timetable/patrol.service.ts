/**
 * 巡课: what was actually taught in a class's period on a school day, against the published timetable in force that
 * day. Same subject: recorded as conforming. Another subject: a 阴阳课表 finding for the district, told to the school.
 * A teacher records only periods of the subject taught in the class; inspectors, the school and the district any.
 */
import type { TaughtPeriod, TaughtPeriodInput, TaughtPeriodQuery } from '@shuangjian/contracts';
import { isoWeekday, periodsPerDay, slotText, type TimetableSubject, timetableSettings, timetableSubjectNames } from '@shuangjian/policy';
import { and, desc, eq, gte, inArray, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { coveringGrants, type Ctx, requirePermission, scoped } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import type { Queryable } from '../../platform/db';
import { forbidden, invalid, ruleViolation } from '../../platform/errors';
import { bumpIndicators, semesterPeriod } from '../../platform/indicators';
import { notify } from '../../platform/notify';
import { policyValuesAt } from '../../platform/policy';
import { classifyDays } from '../calendar';
import { classDirectory, classKeys, type ClassRef, roleHolders, subjectDirectory, visibleClass } from '../org';
import { timetableFindingEvents, timetableFindings, timetablePatrols, timetableVersions } from './schema';
import { versionsInForce } from './timetable.repo';

const p = timetablePatrols;

/** A teacher's own periods: the subject codes the user teaches in the class (null: the user may record any period). */
async function ownSubjects(ctx: Ctx, q: Queryable, cls: ClassRef): Promise<Set<string> | null> {
  const grants = coveringGrants(ctx, 'timetable.patrol', classKeys(cls));
  if (grants.some((g) => g.role !== 'teacher' && g.role !== 'class_teacher')) return null;
  const ids = grants.filter((g) => g.role === 'teacher' && g.subjectId).map((g) => g.subjectId!);
  if (!ids.length) return new Set();
  const rows = await q
    .select({ code: subjectDirectory.code })
    .from(subjectDirectory)
    .where(and(eq(subjectDirectory.districtId, cls.districtId), inArray(subjectDirectory.id, ids)));
  return new Set(rows.map((r) => r.code));
}

export async function recordTaught(ctx: Ctx, input: z.output<typeof TaughtPeriodInput>): Promise<TaughtPeriod> {
  requirePermission(ctx, 'timetable.patrol');
  const day = today(ctx);
  return ctx.db.transaction(async (tx): Promise<TaughtPeriod> => {
    const cls = await visibleClass(ctx, input.classId, 'timetable.patrol', tx);
    if (input.date > day) throw invalid('date', '日期（date）', '不能记录今天以后的课');
    const [info] = await classifyDays(tx, cls.districtId, cls.schoolId, input.date, input.date);
    if (!info?.schoolDay) throw ruleViolation(`${input.date} 不是上课日（校历），无须巡课`);
    const version = (await versionsInForce(tx, cls.districtId, [cls.id], input.date)).get(cls.id);
    if (!version) throw ruleViolation(`${cls.name} 在 ${input.date} 没有已公布的课表，无法核对（请先公布课表）`);
    const { values } = await policyValuesAt(tx, cls.districtId, timetableSettings, input.date);
    const max = periodsPerDay(values['timetable.grid'], cls.grade);
    if (input.period > max) throw invalid('period', '节次（period）', `${cls.grade} 年级每天最多 ${max} 节（timetable.grid）`);
    const weekday = isoWeekday(input.date);
    const timetabled = (version.cells.find((c) => c.day === weekday && c.period === input.period)?.subject ?? null) as TimetableSubject | null;
    const own = await ownSubjects(ctx, tx, cls);
    if (own && !(timetabled && own.has(timetabled)) && !own.has(input.subject)) {
      throw forbidden('任课教师只能记录本人在该班任教科目的节次');
    }
    const conforming = timetabled === null || timetabled === input.subject;
    const [row] = await tx
      .insert(p)
      .values({
        districtId: cls.districtId,
        schoolId: cls.schoolId,
        classId: cls.id,
        date: input.date,
        period: input.period,
        subject: input.subject,
        timetabled,
        versionId: version.id,
        conforming,
        note: input.note,
        recordedBy: ctx.user.id,
        recordedByName: ctx.user.name,
      })
      .returning();
    const period = semesterPeriod(version.semesterId);
    // class rows (the dashboard sums them per school): concurrent records of one school do not wait on one figure
    const fig = { districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, period };
    await bumpIndicators(tx, [
      { ...fig, indicator: 'timetable.patrols', num: conforming ? 1 : 0, den: 1 },
      ...(conforming ? [] : [{ ...fig, indicator: 'timetable.findings', num: 0, den: 1 }]),
    ]);
    let findingId: string | null = null;
    if (!conforming) {
      const message = `${cls.name} ${input.date}（${slotText(weekday, input.period)}）课表为 ${timetableSubjectNames[timetabled!]}，实际上 ${timetableSubjectNames[input.subject]}：阴阳课表（已公布第 ${version.version} 版课表）`;
      const [f] = await tx
        .insert(timetableFindings)
        .values({ districtId: cls.districtId, schoolId: cls.schoolId, classId: cls.id, patrolId: row!.id, semesterId: version.semesterId, message })
        .returning();
      findingId = f!.id;
      await tx.insert(timetableFindingEvents).values({ districtId: cls.districtId, findingId: f!.id, schoolId: cls.schoolId, kind: 'opened', note: input.note, byUserId: ctx.user.id, byName: ctx.user.name });
      await notify(tx, cls.districtId, await roleHolders(tx, cls.districtId, 'school_admin', { schoolId: cls.schoolId }), {
        kind: 'timetable.finding',
        title: `阴阳课表：${cls.name} ${input.date} 第 ${input.period} 节`,
        body: message,
        link: '/timetable/findings',
      });
    }
    await audit(tx, ctx.actor, {
      action: conforming ? 'timetable.patrol' : 'timetable.patrol.finding',
      entity: 'timetable_patrol',
      entityId: row!.id,
      after: { classId: cls.id, date: input.date, period: input.period, subject: input.subject, timetabled, conforming, findingId, version: version.version },
    });
    return {
      id: row!.id,
      classId: cls.id,
      className: cls.name,
      schoolId: cls.schoolId,
      schoolName: cls.schoolName,
      date: row!.date,
      period: row!.period,
      subject: row!.subject,
      timetabled,
      timetableVersion: version.version,
      conforming,
      note: row!.note,
      recordedByName: row!.recordedByName,
      recordedAt: row!.recordedAt.toISOString(),
      findingId,
    };
  });
}

export async function listTaught(ctx: Ctx, query: z.output<typeof TaughtPeriodQuery>, id?: string): Promise<TaughtPeriod[]> {
  requirePermission(ctx, 'timetable.read');
  const rows = await ctx.db
    .select({ p, className: classDirectory.name, schoolName: classDirectory.schoolName, version: timetableVersions.version, findingId: timetableFindings.id })
    .from(p)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, p.districtId), eq(classDirectory.id, p.classId)))
    .innerJoin(timetableVersions, and(eq(timetableVersions.districtId, p.districtId), eq(timetableVersions.id, p.versionId)))
    .leftJoin(timetableFindings, and(eq(timetableFindings.districtId, p.districtId), eq(timetableFindings.patrolId, p.id)))
    .where(
      and(
        scoped(ctx, p, 'timetable.read'),
        id ? eq(p.id, id) : undefined,
        query.schoolId ? eq(p.schoolId, query.schoolId) : undefined,
        query.classId ? eq(p.classId, query.classId) : undefined,
        query.from ? gte(p.date, query.from) : undefined,
        query.to ? lte(p.date, query.to) : undefined,
      ),
    )
    .orderBy(desc(p.date), desc(p.recordedAt))
    .limit(200);
  return rows.map((r) => ({
    id: r.p.id,
    classId: r.p.classId,
    className: r.className,
    schoolId: r.p.schoolId,
    schoolName: r.schoolName,
    date: r.p.date,
    period: r.p.period,
    subject: r.p.subject,
    timetabled: r.p.timetabled,
    timetableVersion: r.version,
    conforming: r.p.conforming,
    note: r.p.note,
    recordedByName: r.p.recordedByName,
    recordedAt: r.p.recordedAt.toISOString(),
    findingId: r.findingId,
  }));
}

