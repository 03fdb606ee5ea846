/**
 * The load check shown while a teacher types: every target class and day, with the draft item added. Each date is judged
 * by the policy version in force on that date (a week or vacation plan may straddle a policy change) and cites it.
 */
import type { z } from 'zod';
import type { LoadCheckRequest } from '@shuangjian/contracts';
import { checkClassDay, countsTowardLimit, type DayKind, type HomeworkPolicy, type LoadItem, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import type { Queryable } from '../../platform/db';
import { type ClassRef, dayKinds, visibleClasses } from './common';
import { homeworkPolicy } from './homework.policy';
import { itemQuery } from './homework.repo';
import { homeworkDays, homeworkItems } from './schema';

/** The policy in force on each date, read once per date. */
export async function policiesByDate(q: Queryable, districtId: string, dates: readonly LocalDate[]) {
  const unique = [...new Set(dates)];
  const read = await Promise.all(unique.map((d) => homeworkPolicy(q, districtId, d)));
  return new Map<LocalDate, { policy: HomeworkPolicy; versions: string | null }>(unique.map((d, i) => [d, read[i]!]));
}

/**
 * Every class × date as it stands in the review chain (items waiting for their content check included), with the draft
 * added when given, each judged by its own date's policy.
 */
export async function judgeDays(
  q: Queryable,
  districtId: string,
  targets: readonly ClassRef[],
  dates: readonly LocalDate[],
  options: {
    draft?: (LoadItem & { id: null }) | null;
    excludeItemId?: string;
    /** Items about to be set, by `${classId}|${date}` (copies of last week's): counted as if already in the chain. */
    extra?: ReadonlyMap<string, readonly LoadItem[]>;
  } = {},
) {
  if (!targets.length || !dates.length) return [];
  const classIds = targets.map((c) => c.id);
  const [rows, dayRows, policies] = await Promise.all([
    itemQuery(q).where(
      and(
        eq(homeworkItems.districtId, districtId),
        inArray(homeworkItems.classId, classIds),
        inArray(homeworkItems.date, [...dates]),
        inArray(homeworkItems.status, ['pending_check', 'ready']),
        options.excludeItemId ? ne(homeworkItems.id, options.excludeItemId) : undefined,
      ),
    ),
    q
      .select({ classId: homeworkDays.classId, date: homeworkDays.date, status: homeworkDays.status, publishedVersion: homeworkDays.publishedVersion })
      .from(homeworkDays)
      .where(and(eq(homeworkDays.districtId, districtId), inArray(homeworkDays.classId, classIds), inArray(homeworkDays.date, [...dates]))),
    policiesByDate(q, districtId, dates),
  ]);
  const bySchool = new Map<string, Map<LocalDate, { kind: DayKind; name: string | null }>>();
  for (const schoolId of new Set(targets.map((c) => c.schoolId))) bySchool.set(schoolId, await dayKinds(q, districtId, schoolId, dates));
  const draft = options.draft ?? null;
  return targets.flatMap((cls) =>
    dates.map((date) => {
      const kind = bySchool.get(cls.schoolId)!.get(date) ?? { kind: 'school_day' as DayKind, name: null };
      const { policy, versions } = policies.get(date)!;
      const existing = rows.filter((r) => r.item.classId === cls.id && r.item.date === date);
      const loadItems = existing.map((r) => ({ id: r.item.id, subjectName: r.subjectName, type: r.item.type, layer: r.item.layer, place: r.item.place, minutes: r.item.minutes, content: r.item.content }));
      const added = [...(options.extra?.get(`${cls.id}|${date}`) ?? []), ...(draft ? [draft] : [])];
      const check = checkClassDay([...loadItems, ...added], cls.grade, kind.kind, policy);
      const day = dayRows.find((d) => d.classId === cls.id && d.date === date);
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
        dayStatus: day?.status ?? null,
        publishedVersion: day?.publishedVersion ?? 0,
      };
    }),
  );
}

export async function loadCheck(ctx: Ctx, input: z.output<typeof LoadCheckRequest>) {
  requirePermission(ctx, 'homework.read');
  const targets = await visibleClasses(ctx, input.classIds);
  const draft = input.draft ? { id: null, subjectName: '本条', ...input.draft } : null;
  const entries = await judgeDays(ctx.db, ctx.user.districtId, targets, input.dates, { draft, excludeItemId: input.excludeItemId });
  return { entries, blocked: entries.some((e) => e.check.violations.length > 0) };
}
