/**
 * District → school figures of a semester, from the indicator rollup (kept by every save, publish, 巡课 and decision):
 * classes with a published timetable, timetables meeting the plan, periods short per subject (which subjects are
 * squeezed), 巡课 and 阴阳课表 findings open and closed. Excel export with a sheet per view.
 */
import type { TimetableDashboard, TimetableSchoolFigures } from '@shuangjian/contracts';
import { TIMETABLE_SUBJECTS, timetableSubjectNames, type TimetableSubject } from '@shuangjian/policy';
import ExcelJS from 'exceljs';
import { and, asc, count } from 'drizzle-orm';
import type { z } from 'zod';
import type { TimetableDashboardQuery } from '@shuangjian/contracts';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { foldFigures, readIndicators, semesterPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { semestersOf } from '../calendar';
import { classDirectory, schoolDirectory } from '../org';
import { listFindings } from './findings.service';
import { semesterFor, SHORT_KEYS, shortIndicator } from './timetable.repo';

const INDICATORS = ['timetable.published', 'timetable.compliant', 'timetable.findings', 'timetable.patrols', ...SHORT_KEYS.map(shortIndicator)];

type Totals = Omit<TimetableSchoolFigures, 'schoolId' | 'schoolName' | 'zoneName'>;
const empty = (): Totals => ({ classes: 0, published: 0, compliant: 0, withTimetable: 0, shortfalls: {}, findingsOpen: 0, findingsClosed: 0, patrols: 0, patrolsConforming: 0 });

export async function timetableDashboard(ctx: Ctx, query: z.output<typeof TimetableDashboardQuery>): Promise<TimetableDashboard> {
  requirePermission(ctx, 'timetable.district');
  const d = ctx.user.districtId;
  const semester = await semesterFor(ctx.db, d, query.semesterId, today(ctx));
  const [schools, classCounts, rows, semesters] = await atOnce(ctx.db,
    () => ctx.db
      .select({ id: schoolDirectory.id, name: schoolDirectory.name, zoneName: schoolDirectory.zoneName })
      .from(schoolDirectory)
      .where(scoped(ctx, schoolDirectory, 'timetable.district'))
      .orderBy(asc(schoolDirectory.zoneName), asc(schoolDirectory.code)),
    () => ctx.db
      .select({ schoolId: classDirectory.schoolId, n: count() })
      .from(classDirectory)
      .where(scoped(ctx, classDirectory, 'timetable.district'))
      .groupBy(classDirectory.schoolId),
    () => readIndicators(ctx.db, d, { indicators: INDICATORS, periods: [semesterPeriod(semester.id)], by: 'school', where: and(scoped(ctx, indicatorRollups, 'timetable.district')) }),
    () => semestersOf(ctx.db, d),
  );
  const bySchool = foldFigures(rows, (r) => r.schoolId);
  const classesOf = new Map(classCounts.map((c) => [c.schoolId, Number(c.n)]));
  const total = empty();
  const list: TimetableSchoolFigures[] = schools.map((s) => {
    const fig = bySchool.get(s.id) ?? {};
    const n = (k: string) => Math.round(fig[k]?.num ?? 0);
    const den = (k: string) => Math.round(fig[k]?.den ?? 0);
    const shortfalls: Record<string, number> = {};
    for (const k of SHORT_KEYS) if (n(shortIndicator(k))) shortfalls[k] = n(shortIndicator(k));
    const row: TimetableSchoolFigures = {
      schoolId: s.id,
      schoolName: s.name,
      zoneName: s.zoneName,
      classes: classesOf.get(s.id) ?? 0,
      published: n('timetable.published'),
      withTimetable: den('timetable.compliant'),
      compliant: n('timetable.compliant'),
      shortfalls,
      findingsOpen: den('timetable.findings') - n('timetable.findings'),
      findingsClosed: n('timetable.findings'),
      patrols: den('timetable.patrols'),
      patrolsConforming: n('timetable.patrols'),
    };
    for (const k of ['classes', 'published', 'withTimetable', 'compliant', 'findingsOpen', 'findingsClosed', 'patrols', 'patrolsConforming'] as const) total[k] += row[k];
    for (const [k, v] of Object.entries(shortfalls)) total.shortfalls[k] = (total.shortfalls[k] ?? 0) + v;
    return row;
  });
  return { semester, semesters, total, schools: list };
}

const label = (k: string) => (k === 'lab' ? '实验课' : timetableSubjectNames[k as TimetableSubject]);

/** The dashboard in Excel: 各校概况, 课时缺口 (periods short per subject), 阴阳课表问题. */
export async function timetableDashboardExport(ctx: Ctx, query: z.output<typeof TimetableDashboardQuery>): Promise<{ buffer: Buffer; fileName: string }> {
  const dash = await timetableDashboard(ctx, query);
  const findings = await listFindings(ctx, {});
  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  const overview = wb.addWorksheet('各校概况', { views: [{ state: 'frozen', ySplit: 1 }] });
  overview.columns = [
    { header: '学区', key: 'zone', width: 12 },
    { header: '学校', key: 'school', width: 24 },
    { header: '班级数', key: 'classes', width: 8 },
    { header: '已公布课表', key: 'published', width: 12 },
    { header: '已编课表', key: 'with', width: 10 },
    { header: '符合方案', key: 'compliant', width: 10 },
    { header: '巡课节次', key: 'patrols', width: 10 },
    { header: '与课表一致', key: 'conforming', width: 12 },
    { header: '阴阳课表（未销号）', key: 'open', width: 18 },
    { header: '阴阳课表（已销号）', key: 'closed', width: 18 },
  ];
  for (const s of dash.schools)
    overview.addRow({ zone: s.zoneName, school: s.schoolName, classes: s.classes, published: s.published, with: s.withTimetable, compliant: s.compliant, patrols: s.patrols, conforming: s.patrolsConforming, open: s.findingsOpen, closed: s.findingsClosed });
  overview.getRow(1).font = { bold: true };
  const keys = [...TIMETABLE_SUBJECTS, 'lab'];
  const short = wb.addWorksheet('课时缺口', { views: [{ state: 'frozen', ySplit: 1 }] });
  short.columns = [{ header: '学校', key: 'school', width: 24 }, ...keys.map((k) => ({ header: `${label(k)}（缺节）`, key: k, width: 12 }))];
  for (const s of dash.schools) short.addRow({ school: s.schoolName, ...Object.fromEntries(keys.map((k) => [k, s.shortfalls[k] ?? 0])) });
  short.getRow(1).font = { bold: true };
  const yy = wb.addWorksheet('阴阳课表问题', { views: [{ state: 'frozen', ySplit: 1 }] });
  yy.columns = [
    { header: '学校', key: 'school', width: 24 },
    { header: '班级', key: 'class', width: 14 },
    { header: '日期', key: 'date', width: 12 },
    { header: '节次', key: 'period', width: 6 },
    { header: '课表', key: 'timetabled', width: 14 },
    { header: '实际', key: 'taught', width: 14 },
    { header: '状态', key: 'status', width: 10 },
    { header: '说明', key: 'message', width: 60 },
  ];
  const statusText = { open: '待说明', answered: '待复核', closed: '已销号' } as const;
  for (const f of findings)
    yy.addRow({ school: f.schoolName, class: f.className, date: f.date, period: f.period, timetabled: f.timetabled ? label(f.timetabled) : '', taught: label(f.taught), status: statusText[f.status], message: f.message });
  yy.getRow(1).font = { bold: true };
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `课表监测-${dash.semester.name}.xlsx` };
}

