/** Queries of the parents' homework views, shared by the child page and the home-page card. */
import type { ChildDay } from '@shuangjian/contracts';
import type { z } from 'zod';
import { api, qs } from '../../../app/api';
import { hwKey } from './model';

export type ChildDayRow = z.infer<typeof ChildDay>;

export const childDayKey = (studentId: string, date: string) => hwKey('child-day', studentId, date);
export const fetchChildDay = (studentId: string, date: string) => api.get<ChildDayRow>(`/api/homework/child/day${qs({ studentId, date })}`);
