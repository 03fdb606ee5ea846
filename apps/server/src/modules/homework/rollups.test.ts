/**
 * The families' reports reach the rollups through a queue: a report adds its class-day, the flush (a scheduled job)
 * folds it into the class-day outcome, the items' actual time and the school-week, exactly as a rebuild from the raw
 * rows would, with the rules of the policy package.
 */
import { classDayOutcome, defaultHomeworkPolicy, itemOverrun, judgeStudentDay } from '@shuangjian/policy';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushRollups, rebuildRollups } from '.';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let parent: string;
let districtId: string;
let child: { id: string; classId: string; schoolId: string };

type Item = { itemId: string; minutes: number };
const q = <T,>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

/** The latest day before the demo's today with a published list for the child. */
async function publishedDay(): Promise<{ date: string; items: Item[] }> {
  for (let back = 1; back <= 7; back++) {
    const date = `2026-11-${String(26 - back).padStart(2, '0')}`;
    const day = (await call(w.app, parent, 'GET', `/api/homework/child/day?studentId=${child.id}&date=${date}`)).body;
    if (day.list?.items.length) return { date, items: day.list.items };
  }
  throw new Error('no published day in the last week');
}

/** The rollup rows of a class-day, its items and its school-week, as the dashboards read them. */
async function rollupsOf(classId: string, schoolId: string, date: string) {
  const [classDay] = await q<Record<string, unknown>>(
    `select reporters, within_limit, bedtime_stops, late_nights, over_limit, median_minutes, p90_minutes, overloaded, students, published
     from homework_class_day_stats where class_id = $1 and date = $2`,
    [classId, date],
  );
  const items = await q(`select item_id, estimate, reports, median_minutes, ratio, flagged from homework_item_stats where class_id = $1 and date = $2 order by item_id`, [classId, date]);
  const [week] = await q<Record<string, unknown>>(
    `select class_days, reported_days, overloaded_days, planned_over_days, students, reporters, within_limit, bedtime_stops
     from homework_school_week_stats where school_id = $1 and week_start = date_trunc('week', $2::date)::date`,
    [schoolId, date],
  );
  return { classDay, items, week };
}

beforeAll(async () => {
  w = await createWorld({ homework: true });
  parent = await w.login('demo-parent');
  const me = (await call(w.app, parent, 'GET', '/api/me')).body;
  districtId = me.district.id;
  const [row] = await q<{ id: string; class_id: string; school_id: string }>(`select id, class_id, school_id from students where id = $1`, [me.children[0].id]);
  child = { id: row!.id, classId: row!.class_id, schoolId: row!.school_id };
}, 120_000);
afterAll(() => w.close());

describe('rollups from the queue', () => {
  it('a report queues its class-day and leaves the rollups as they were until the flush', async () => {
    const { date, items } = await publishedDay();
    const before = await rollupsOf(child.classId, child.schoolId, date);
    const r = await call(w.app, parent, 'PUT', '/api/homework/feedback', {
      studentId: child.id,
      date,
      items: items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes * 3 })),
    });
    expect(r.status).toBe(200);
    // the answer is the day as saved, judged at once
    expect(r.body.feedback.items).toHaveLength(items.length);
    const [queued] = await q<{ n: number }>(`select count(*)::int as n from homework_rollup_queue where class_id = $1 and date = $2`, [child.classId, date]);
    expect(queued!.n).toBe(1);
    expect(await rollupsOf(child.classId, child.schoolId, date)).toEqual(before);
  });

  it('a report sent twice under one Idempotency-Key is written and queued once, and answered the same', async () => {
    const { date, items } = await publishedDay();
    const payload = { studentId: child.id, date, items: items.map((i) => ({ itemId: i.itemId, done: true, minutes: i.minutes })) };
    const count = async () =>
      (await q<{ audit: number; queued: number }>(
        `select (select count(*)::int from audit_log where action = 'homework.feedback' and entity_id = $1) as audit,
                (select count(*)::int from homework_rollup_queue where class_id = $2 and date = $3) as queued`,
        [child.id, child.classId, date],
      ))[0]!;
    const before = await count();
    const send = () => w.app.inject({ method: 'PUT', url: '/api/homework/feedback', payload, headers: { cookie: parent, 'idempotency-key': 'evening-report-0001' } });
    const [first, second] = [await send(), await send()];
    expect(first.statusCode).toBe(200);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.body).toBe(first.body);
    expect(await count()).toEqual({ audit: before.audit + 1, queued: before.queued + 1 });
  });

  it('the flush writes what the policy rules compute from the raw rows, and what a rebuild writes', async () => {
    const { date } = await publishedDay();
    expect(await w.runJob('homework.rollups')).toBeUndefined();
    const [{ n }] = (await q<{ n: number }>(`select count(*)::int as n from homework_rollup_queue`)) as [{ n: number }];
    expect(n).toBe(0);
    const flushed = await rollupsOf(child.classId, child.schoolId, date);
    // the class-day outcome by classDayOutcome over the judged evenings
    const [{ limit_minutes: limit }] = (await q<{ limit_minutes: number }>(`select limit_minutes from homework_class_day_stats where class_id = $1 and date = $2`, [child.classId, date])) as [
      { limit_minutes: number },
    ];
    const days = await q<{ minutes: number; within_limit: boolean; stopped_at_bedtime: boolean; late_minutes: number }>(
      `select minutes, within_limit, stopped_at_bedtime, late_minutes from homework_student_days where class_id = $1 and date = $2`,
      [child.classId, date],
    );
    const outcome = classDayOutcome(
      days.map((d) => ({ minutes: d.minutes, withinLimit: d.within_limit, stoppedAtBedtime: d.stopped_at_bedtime, lateMinutes: d.late_minutes, overLimit: d.stopped_at_bedtime || d.minutes > limit })),
      defaultHomeworkPolicy.completionTarget,
    );
    expect(flushed.classDay).toMatchObject({
      reporters: outcome.reporters,
      within_limit: outcome.withinLimit,
      bedtime_stops: outcome.bedtimeStops,
      late_nights: outcome.lateNights,
      over_limit: outcome.overLimit,
      median_minutes: outcome.medianMinutes,
      p90_minutes: outcome.p90Minutes,
      overloaded: outcome.overloaded,
    });
    expect(outcome.reporters).toBeGreaterThan(0);
    // each item by itemOverrun over the done reports with minutes: the child's tripled minutes are among them
    for (const item of flushed.items as { item_id: string; estimate: number; reports: number; median_minutes: number | null; flagged: boolean }[]) {
      const minutes = (await q<{ minutes: number }>(`select minutes from homework_feedback where item_id = $1 and done and minutes is not null`, [item.item_id])).map((m) => m.minutes);
      const o = itemOverrun(item.estimate, minutes, defaultHomeworkPolicy);
      expect(item).toMatchObject({ reports: o.reports, median_minutes: o.median, flagged: o.flagged });
    }
    // a rebuild from the raw rows writes the same
    await rebuildRollups(w.db.database.db, districtId, defaultHomeworkPolicy);
    expect(await rollupsOf(child.classId, child.schoolId, date)).toEqual(flushed);
  });

  it('reports of several days, flushed by two flushes at once, are each folded in once and match a rebuild', async () => {
    // the child's evenings of the last week re-judged and queued, as many families' reports would be
    const days = await q<{ date: string; class_id: string; school_id: string }>(
      `select date::text as date, class_id, school_id from homework_class_day_stats where school_id = $1 and published and date between '2026-11-16' and '2026-11-25'`,
      [child.schoolId],
    );
    expect(days.length).toBeGreaterThan(20);
    const j = judgeStudentDay({ items: [{ counted: true, done: true, minutes: 200 }], stoppedAtBedtime: false }, 60);
    await q(`update homework_student_days set minutes = $1, within_limit = $2 where school_id = $3 and date between '2026-11-16' and '2026-11-25'`, [j.minutes, j.withinLimit, child.schoolId]);
    for (const d of days) await q(`insert into homework_rollup_queue (district_id, class_id, school_id, date) values ($1, $2, $3, $4)`, [districtId, d.class_id, d.school_id, d.date]);
    const folded = await Promise.all([flushRollups(w.db.database.db, districtId), flushRollups(w.db.database.db, districtId)]);
    // one flush took the queue (the other was turned away, or found it empty), then nothing is left
    expect(folded.reduce<number>((n, f) => n + (f ?? 0), 0)).toBe(days.length);
    expect(await flushRollups(w.db.database.db, districtId)).toBe(0);
    const flushed = await Promise.all(days.map((d) => rollupsOf(d.class_id, d.school_id, d.date)));
    expect(flushed.every((f) => f.classDay!.overloaded === ((f.classDay!.reporters as number) > 0))).toBe(true);
    await rebuildRollups(w.db.database.db, districtId, defaultHomeworkPolicy);
    expect(await Promise.all(days.map((d) => rollupsOf(d.class_id, d.school_id, d.date)))).toEqual(flushed);
  });
});
