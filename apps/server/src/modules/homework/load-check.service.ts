/**
 * The load check shown while a teacher types: every target class and day, with the draft item added. Each date is judged
 * by the policy version in force on that date (a week or vacation plan may straddle a policy change) and cites it.
 */
import type { z } from 'zod';
import type { LoadCheckRequest } from '@shuangjian/contracts';
import {
  checkClassDay,
  countsTowardLimit,
  type DayKind,
  type HomeworkType,
  type Layer,
  type LoadItem,
  type LocalDate,
  type Place,
} from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { atOnce, eachAtOnce, pgArray, type Queryable, rowsOf } from '../../platform/db';
import { type ClassRef, dayKinds, visibleClasses } from './common';
import { homeworkPolicy } from './homework.policy';
import type { homeworkDays, homeworkItems } from './schema';

/** The policy in force on each date, read once per date. */
export async function policiesByDate(q: Queryable, districtId: string, dates: readonly LocalDate[]) {
  const unique = [...new Set(dates)];
  const read = await eachAtOnce(q, unique, (d) => homeworkPolicy(q, districtId, d));
  return new Map<LocalDate, Awaited<ReturnType<typeof homeworkPolicy>>>(unique.map((d, i) => [d, read[i]!]));
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
  type Row = { id: string; classId: string; date: string; type: HomeworkType; layer: Layer; place: Place; minutes: number; content: string; status: (typeof homeworkItems.$inferSelect)['status']; subjectName: string; teacherName: string };
  type DayRow = { classId: string; date: string; status: (typeof homeworkDays.$inferSelect)['status']; publishedVersion: number };
  // the items in the chain with their subject and teacher, and the days' states: one statement, cheap to plan (this
  // runs while a teacher types)
  const [read, policies] = await atOnce(q,
    () => rowsOf<{ items: Row[] | null; days: DayRow[] | null }>(
      q,
      sql`select
        (select json_agg(json_build_object('id', i.id, 'classId', i.class_id, 'date', i.date, 'type', i.type, 'layer', i.layer, 'place', i.place,
            'minutes', i.minutes, 'content', i.content, 'status', i.status, 'subjectName', s.name, 'teacherName', u.name) order by i.created_at)
          from homework_items i
          join subjects s on s.district_id = i.district_id and s.id = i.subject_id
          join users u on u.district_id = i.district_id and u.id = i.teacher_id
          where i.district_id = ${districtId} and i.class_id = any(${pgArray(classIds)}::uuid[]) and i.date = any(${pgArray(dates)}::date[])
            and i.status in ('pending_check', 'ready') and i.id is distinct from ${options.excludeItemId ?? null}::uuid) as items,
        (select json_agg(json_build_object('classId', d.class_id, 'date', d.date, 'status', d.status, 'publishedVersion', d.published_version))
          from homework_days d
          where d.district_id = ${districtId} and d.class_id = any(${pgArray(classIds)}::uuid[]) and d.date = any(${pgArray(dates)}::date[])) as days`,
    ),
    () => policiesByDate(q, districtId, dates),
  );
  const rows = read[0]?.items ?? [];
  const dayRows = read[0]?.days ?? [];
  const bySchool = new Map<string, Map<LocalDate, { kind: DayKind; name: string | null }>>();
  for (const schoolId of new Set(targets.map((c) => c.schoolId))) bySchool.set(schoolId, await dayKinds(q, districtId, schoolId, dates));
  const draft = options.draft ?? null;
  return targets.flatMap((cls) =>
    dates.map((date) => {
      const kind = bySchool.get(cls.schoolId)!.get(date) ?? { kind: 'school_day' as DayKind, name: null };
      const { policy, versions, cited } = policies.get(date)!;
      const existing = rows.filter((r) => r.classId === cls.id && r.date === date);
      const loadItems = existing.map((r) => ({ id: r.id, subjectName: r.subjectName, type: r.type, layer: r.layer, place: r.place, minutes: r.minutes, content: r.content }));
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
        items: existing.map((r) => ({ id: r.id, subjectName: r.subjectName, teacherName: r.teacherName, type: r.type, layer: r.layer, place: r.place, minutes: r.minutes, status: r.status })),
        policyVersion: versions,
        policyCited: cited,
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
