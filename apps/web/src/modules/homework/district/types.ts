/** Shapes of the district dashboard's answers. */
import type { ClassSummary, DistrictExport, DistrictSchoolsPage, DistrictWeekly, Figures, SchoolFigures, WeekFigures } from '@shuangjian/contracts';
import type { z } from 'zod';

export type Weekly = z.infer<typeof DistrictWeekly>;
export type Week = z.infer<typeof WeekFigures>;
export type Fig = z.infer<typeof Figures>;
export type SchoolRow = z.infer<typeof SchoolFigures>;
export type SchoolsPage = z.infer<typeof DistrictSchoolsPage>;
export type ClassRow = z.infer<typeof ClassSummary>;
export type ExportData = z.infer<typeof DistrictExport>;

/** "2026-11-16" → "11/16". */
export const weekLabel = (w: string) => `${w.slice(5, 7)}/${w.slice(8)}`;
