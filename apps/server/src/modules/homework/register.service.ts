/**
 * 作业登记: a class's daily record for a week — each day's published list, how families reported it (completion) and how
 * each item was marked — on a printable page and as an Excel workbook.
 */
import type { z } from 'zod';
import type { ClassRegister } from '@shuangjian/contracts';
import { addDays, dateRange, homeworkTypeLabels, layerLabels, type LocalDate, weekStart } from '@shuangjian/policy';
import { and, eq, gte, lte, sql } from 'drizzle-orm';
import { type Ctx, requirePermission } from '../../platform/access';
import { atOnce } from '../../platform/db';
import { buildWorkbook } from '../../platform/excel';
import { dayKinds, visibleClass } from './common';
import { classRoll, latestLists, markingsOf } from './marking.repo';
import { homeworkClassDayStats, homeworkFeedback } from './schema';

/** The week (Monday to Sunday) holding `date`, day by day. */
export async function classRegister(ctx: Ctx, classId: string, date: LocalDate): Promise<z.output<typeof ClassRegister>> {
  requirePermission(ctx, 'homework.read');
  const cls = await visibleClass(ctx, classId);
  const from = weekStart(date);
  const to = addDays(from, 6);
  const dates = dateRange(from, to);
  const [lists, kinds, stats, done, roll] = await atOnce(ctx.db,
    () => latestLists(ctx.db, cls.districtId, [cls.id], from, to),
    () => dayKinds(ctx.db, cls.districtId, cls.schoolId, dates),
    () => ctx.db
      .select()
      .from(homeworkClassDayStats)
      .where(and(eq(homeworkClassDayStats.districtId, cls.districtId), eq(homeworkClassDayStats.classId, cls.id), gte(homeworkClassDayStats.date, from), lte(homeworkClassDayStats.date, to))),
    () => ctx.db
      .select({ itemId: homeworkFeedback.itemId, done: sql<number>`(count(*) filter (where ${homeworkFeedback.done}))::int` })
      .from(homeworkFeedback)
      .where(and(eq(homeworkFeedback.districtId, cls.districtId), eq(homeworkFeedback.classId, cls.id), gte(homeworkFeedback.date, from), lte(homeworkFeedback.date, to)))
      .groupBy(homeworkFeedback.itemId),
    () => classRoll(ctx.db, cls.districtId, cls.id),
  );
  const markings = await markingsOf(ctx.db, cls.districtId, lists.flatMap((l) => l.items.map((i) => i.itemId)));
  return {
    classId: cls.id,
    className: cls.name,
    schoolName: cls.schoolName,
    grade: cls.grade,
    weekStart: from,
    weekEnd: to,
    students: roll.length,
    days: dates.map((d) => {
      const list = lists.find((l) => l.date === d);
      const stat = stats.find((s) => s.date === d);
      const kind = kinds.get(d);
      return {
        date: d,
        dayKind: list?.dayKind ?? kind?.kind ?? 'school_day',
        dayName: kind?.kind === 'school_day' ? null : (kind?.name ?? null),
        version: list?.version ?? null,
        limit: list?.limit ?? null,
        written: list?.written ?? null,
        reporters: stat?.reporters ?? 0,
        withinLimit: stat?.withinLimit ?? 0,
        bedtimeStops: stat?.bedtimeStops ?? 0,
        items: (list?.items ?? []).map((i) => ({
          itemId: i.itemId,
          subjectName: i.subjectName,
          teacherName: i.teacherName,
          title: i.title,
          content: i.content,
          type: i.type,
          layer: i.layer,
          place: i.place,
          minutes: i.minutes,
          done: done.find((x) => x.itemId === i.itemId)?.done ?? 0,
          marking: markings.get(i.itemId) ?? null,
        })),
      };
    }),
  };
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

/** The same week as a workbook: one row per item, days without a list named as such. */
export async function registerWorkbook(ctx: Ctx, classId: string, date: LocalDate) {
  const r = await classRegister(ctx, classId, date);
  const rows: Record<string, string | number | null>[] = [];
  r.days.forEach((d, n) => {
    const day = `${d.date}（周${WEEKDAYS[n]}）`;
    const reported = d.reporters ? `${d.reporters}/${r.students}` : '';
    if (!d.items.length) {
      rows.push({ date: day, subject: d.version ? '' : d.dayName ? `${d.dayName}，无公示作业` : '无公示作业' });
      return;
    }
    for (const i of d.items) {
      const m = i.marking;
      rows.push({
        date: day,
        subject: i.subjectName,
        teacher: i.teacherName,
        content: i.title ? `${i.title}：${i.content}` : i.content,
        kind: `${homeworkTypeLabels[i.type]['zh-CN']}·${layerLabels[i.layer]['zh-CN']}${i.place === 'school' ? '·在校完成' : ''}`,
        minutes: i.minutes,
        reported,
        done: d.reporters ? i.done : '',
        marking: m ? (m.scope === 'all' ? `全批全改 ${m.marked}/${m.students}` : `部分批改 ${m.marked}/${m.students}`) : '未登记',
        faceToFace: m ? m.faceToFace : '',
        note: m?.note ?? '',
      });
    }
  });
  const buffer = await buildWorkbook({
    name: `${r.className} ${r.weekStart}`,
    columns: [
      { header: '日期', key: 'date', width: 18 },
      { header: '学科', key: 'subject', width: 10 },
      { header: '教师', key: 'teacher', width: 10 },
      { header: '作业内容', key: 'content', width: 48 },
      { header: '类型', key: 'kind', width: 16 },
      { header: '预计用时（分钟）', key: 'minutes', width: 10 },
      { header: '填报家庭/全班', key: 'reported', width: 12 },
      { header: '完成人数', key: 'done', width: 10 },
      { header: '批改', key: 'marking', width: 16 },
      { header: '面批人数', key: 'faceToFace', width: 10 },
      { header: '批改说明', key: 'note', width: 30 },
    ],
    rows,
  });
  return { buffer, fileName: `${r.schoolName}-${r.className}-作业登记-${r.weekStart}.xlsx` };
}
