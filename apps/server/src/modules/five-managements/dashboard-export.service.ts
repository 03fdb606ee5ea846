/**
 * 五项管理看板 as a workbook: the district's figures, per zone, per school, and the classes below the sleep threshold,
 * one sheet each; every figure as numerator, denominator and rate (暂无数据 when nothing was counted).
 * Read-only, so every query goes to ctx.readDb: the read replica while it keeps up.
 */
import { FIVE_DASHBOARD_FIGURES, FIVE_INDICATORS, type FiveDashboardQuery, type IndicatorFigures, managementLabels } from '@shuangjian/contracts';
import ExcelJS from 'exceljs';
import { asc } from 'drizzle-orm';
import { type Ctx, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { atOnce } from '../../platform/db';
import { readIndicators, weekPeriod } from '../../platform/indicators';
import { indicatorRollups } from '../../platform/schema';
import { classDirectory } from '../org';
import { belowBp, DASHBOARD_PERMISSION } from './dashboard-figures.service';
import { fiveDistrictDashboard } from './dashboard.service';
import { fiveManagementsPolicy } from './five-managements.policy';

const NO_DATA = '暂无数据';
const spanLabel = { week: '本周', day: '本周逐日合计', semester: '本学期' } as const;
const groupLabel = (m: string) => (m === 'selfcheck' ? '自查整改' : managementLabels[m as keyof typeof managementLabels]['zh-CN']);

type Cell = string | number;
interface Column {
  header: string;
  width?: number;
  percent?: boolean;
}

function addSheet(wb: ExcelJS.Workbook, name: string, title: string, columns: readonly Column[], rows: readonly Cell[][]) {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 2 }] });
  ws.columns = columns.map((c) => ({ width: c.width ?? Math.max(10, c.header.length * 2 + 2) }));
  ws.mergeCells(1, 1, 1, columns.length);
  const head = ws.getCell(1, 1);
  head.value = title;
  head.font = { bold: true, size: 13 };
  const header = ws.addRow(columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle' };
  header.height = 32;
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF91CAFF' } } };
  });
  for (const r of rows) {
    const row = ws.addRow(r);
    columns.forEach((c, i) => {
      if (c.percent && typeof r[i] === 'number') row.getCell(i + 1).numFmt = '0.0%';
    });
  }
}

/** num, den and rate columns of every figure. */
const figureColumns: Column[] = FIVE_DASHBOARD_FIGURES.flatMap((f) => {
  const name = `${groupLabel(f.management)}·${f.label['zh-CN']}（${spanLabel[f.span]}）`;
  return [{ header: `${name} 分子`, width: 14 }, { header: '分母', width: 8 }, { header: '比率', width: 10, percent: true }];
});
const figureCells = (figures: IndicatorFigures): Cell[] =>
  FIVE_DASHBOARD_FIGURES.flatMap((f) => {
    const r = figures[f.key];
    return r && r.den > 0 ? [r.num, r.den, r.num / r.den] : [r?.num ?? 0, r?.den ?? 0, NO_DATA];
  });

export async function fiveDashboardWorkbook(ctx: Ctx, q: FiveDashboardQuery) {
  const view = await fiveDistrictDashboard(ctx, q);
  const cd = classDirectory;
  const [classes, sleepRows, policy] = await atOnce(ctx.readDb,
    () => ctx.readDb
      .select({ id: cd.id, name: cd.name, grade: cd.grade, schoolName: cd.schoolName, schoolCode: cd.schoolCode })
      .from(cd)
      .where(scoped(ctx, cd, DASHBOARD_PERMISSION))
      .orderBy(asc(cd.schoolCode), asc(cd.grade), asc(cd.name)),
    () => readIndicators(ctx.readDb, ctx.user.districtId, {
      indicators: [FIVE_INDICATORS.sleepMeets],
      periods: [weekPeriod(view.week)],
      by: 'class',
      where: scoped(ctx, indicatorRollups, DASHBOARD_PERMISSION),
    }),
    () => fiveManagementsPolicy(ctx.readDb, ctx.user.districtId, view.weekEnd),
  );
  const bp = policy.values['five-managements.sleep'].classThresholdBp;
  const sleepOf = new Map(sleepRows.map((r) => [r.classId, r]));
  const below = classes.filter((c) => belowBp(sleepOf.get(c.id), bp));
  const period = `${view.week} 至 ${view.weekEnd}${view.semester ? `；${view.semester.name}` : ''}`;

  const wb = new ExcelJS.Workbook();
  wb.creator = '双减平台';
  addSheet(
    wb,
    '全区汇总',
    `五项管理全区汇总（${period}）`,
    [{ header: '管理', width: 12 }, { header: '指标', width: 22 }, { header: '统计期', width: 14 }, { header: '分子', width: 10 }, { header: '分母', width: 10 }, { header: '比率', width: 10, percent: true }],
    FIVE_DASHBOARD_FIGURES.map((f) => {
      const r = view.total[f.key];
      return [groupLabel(f.management), f.label['zh-CN'], spanLabel[f.span], r?.num ?? 0, r?.den ?? 0, r && r.den > 0 ? r.num / r.den : NO_DATA];
    }),
  );
  addSheet(wb, '按学区', `五项管理按学区（${period}）`, [{ header: '学区', width: 16 }, { header: '学校数', width: 8 }, ...figureColumns], view.zones.map((z) => [z.zoneName, z.schools, ...figureCells(z.figures)]));
  addSheet(
    wb,
    '按学校',
    `五项管理按学校（${period}）`,
    [{ header: '学区', width: 16 }, { header: '学校代码', width: 10 }, { header: '学校', width: 24 }, ...figureColumns],
    view.schools.map((s) => [s.zoneName, s.schoolCode, s.schoolName, ...figureCells(s.figures)]),
  );
  addSheet(
    wb,
    '睡眠未达标班级',
    `睡眠达标率低于 ${(bp / 100).toFixed(0)}% 的班级（${view.week} 当周；规则 five-managements.sleep${policy.versions ? `，版本 ${policy.versions}` : '，默认值'}）`,
    [{ header: '学校代码', width: 10 }, { header: '学校', width: 24 }, { header: '年级', width: 8 }, { header: '班级', width: 12 }, { header: '达标人次', width: 10 }, { header: '填报人次', width: 10 }, { header: '达标率', width: 10, percent: true }],
    below.map((c) => {
      const r = sleepOf.get(c.id)!;
      return [c.schoolCode, c.schoolName, c.grade, c.name, r.num, r.den, r.num / r.den];
    }),
  );
  return { buffer: Buffer.from(await wb.xlsx.writeBuffer()), fileName: `五项管理看板-${view.week}-${today(ctx)}.xlsx` };
}
