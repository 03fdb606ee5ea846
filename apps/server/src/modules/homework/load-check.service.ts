/** The load check shown while a teacher types: every target class and day, with the draft item added. Reads only. */
import type { z } from 'zod';
import type { LoadCheckRequest } from '@shuangjian/contracts';
import { checkClassDay, countsTowardLimit, type DayKind, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray, ne } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { dayKinds, visibleClasses } from './common';
import { homeworkPolicy } from './homework.policy';
import { itemQuery } from './homework.repo';
import { homeworkDays, homeworkItems } from './schema';

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

