/** The dashboard's Excel workbook: every school by week, every class of the range, and what each measure means. */
import type { Locale, useI18n } from '../../../app/i18n';
import { gradeLabel } from '../components/grades';
import { downloadXlsx, type XlsxCell } from '../components/xlsx';
import type { ExportData, Fig } from './types';

type T = ReturnType<typeof useI18n>['t'];

const rates = (f: Fig | undefined): XlsxCell[] => [{ percent: f?.withinLimitRate ?? null }, { percent: f?.overLimitRate ?? null }, { percent: f?.reportingRate ?? null }];

export function downloadWorkbook(data: ExportData, t: T, locale: Locale, title: string) {
  const p = Math.round(data.target * 100);
  const rateNames = [t('hwv.withinRate'), t('hwv.overRate'), t('hwv.reportingRate')];
  const weekName = (w: ExportData['weeks'][number]) => `${w.weekStart}${w.partial ? ` ${t('hwv.partialShort')}` : ''}`;

  const schoolHeader: XlsxCell[] = [t('hwv.col.zone'), t('hwv.col.school'), ...rateNames.map((n) => `${t('hwv.district.rangeTotal')} ${n}`), t('hwv.xlsx.reporters'), t('hwv.xlsx.students')];
  for (const w of data.weeks) schoolHeader.push(...rateNames.map((n) => `${weekName(w)} ${n}`));
  const schoolRows: XlsxCell[][] = data.schools.map((s) => [
    s.zoneName,
    s.schoolName,
    ...rates(s),
    s.reporters,
    s.students,
    ...data.weeks.flatMap((w) => rates(s.weeks.find((x) => x.weekStart === w.weekStart))),
  ]);
  const total: XlsxCell[] = [t('hwv.district.districtTotal'), '', ...rates(data.total), data.total.reporters, data.total.students, ...data.weeks.flatMap((w) => rates(w))];

  const classHeader: XlsxCell[] = [
    t('hwv.col.zone'),
    t('hwv.col.school'),
    t('hwv.col.class'),
    t('hwv.xlsx.grade'),
    t('hwv.district.classDays'),
    t('hwv.district.reportedDays'),
    t('hwv.district.overloadedDays'),
    t('hwv.xlsx.students'),
    t('hwv.xlsx.reporters'),
    t('hwv.reportingRate'),
    t('hwv.xlsx.within'),
    t('hwv.withinRate'),
    t('hwv.overRate'),
    t('hwv.bedtimeStops'),
    t('hwv.district.meanPlanned'),
    t('hwv.district.meanMedian'),
  ];
  const classRows: XlsxCell[][] = data.classes.map((c) => [
    c.zoneName,
    c.schoolName,
    c.className,
    gradeLabel(c.grade, locale),
    c.classDays,
    c.reportedDays,
    c.overloadedDays,
    c.students,
    c.reporters,
    { percent: c.reportingRate },
    c.withinLimit,
    { percent: c.withinLimitRate },
    { percent: c.overLimitRate },
    c.bedtimeStops,
    c.meanPlanned,
    c.meanMedian,
  ]);

  downloadXlsx(`${title}_${data.from}_${data.to}.xlsx`, [
    { name: t('hwv.district.sheetSchools'), headerRows: 1, widths: [14, 24, 14, 14, 14, 10, 10, ...data.weeks.flatMap(() => [16, 16, 16])], rows: [schoolHeader, ...schoolRows, total] },
    { name: t('hwv.district.sheetClasses'), headerRows: 1, widths: [14, 24, 14, 8, 10, 10, 10, 10, 10, 10, 10, 10, 10, 10, 12, 12], rows: [classHeader, ...classRows] },
    {
      name: t('hwv.district.sheetNotes'),
      widths: [18, 100],
      rows: [
        [t('hwv.range', { from: data.from, to: data.to }), ''],
        [t('hwv.withinRate'), t('hwv.help.withinRate', { p })],
        [t('hwv.reportingRate'), t('hwv.help.reportingRate')],
        [t('hwv.overRate'), t('hwv.help.overRate', { p })],
        [t('hwv.overloaded'), t('hwv.help.overloaded', { p })],
        [t('hwv.bedtimeStops'), t('hwv.help.bedtime')],
        [t('hwv.partialShort'), t('hwv.help.partial')],
      ],
    },
  ]);
}
