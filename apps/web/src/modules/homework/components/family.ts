/** Queries of the families' side, shared by the child pages, the parent's home and the class teacher's reports panel. */
import type { ChildDay, ChildRules, ClassDayReports, RemindResult } from '@shuangjian/contracts';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { hwKey } from './model';

export type ChildDayRow = z.infer<typeof ChildDay>;
export type ChildRulesRow = z.infer<typeof ChildRules>;
export type ClassDayReportsRow = z.infer<typeof ClassDayReports>;

export const childDayKey = (studentId: string, date: string) => hwKey('child-day', studentId, date);
export const fetchChildDay = (studentId: string, date: string) => api.get<ChildDayRow>(`/api/homework/child/day${qs({ studentId, date })}`);

export const childRulesKey = (studentId: string) => hwKey('child-rules', studentId);
export const fetchChildRules = (studentId: string) => api.get<ChildRulesRow>(`/api/homework/child/rules${qs({ studentId })}`);

export const dayReportsKey = (classId: string, date: string) => hwKey('day-reports', classId, date);
export const fetchDayReports = (classId: string, date: string) => api.get<ClassDayReportsRow>(`/api/homework/days/${classId}/${date}/reports`);
/** 提醒未填报的家长: the platform tells the families who have not reported the day. */
export const remindFamilies = (classId: string, date: string) => api.post<z.infer<typeof RemindResult>>(`/api/homework/days/${classId}/${date}/remind`, {});
