/** Sections that modules add to the home page, each shown to the people it concerns. */
import type { Me } from '@shuangjian/contracts';
import type { ComponentType } from 'react';
import { hasRole } from '../app/auth';
import { TodoSummary } from './homework/components/TodoSummary';

export interface HomeSection {
  key: string;
  visible(me: Me): boolean;
  Component: ComponentType;
}

export const homeSections: HomeSection[] = [
  // 作业待办: drafts, returned items, content to check, days to coordinate and to approve
  { key: 'homework-todo', visible: (me) => hasRole(me, 'teacher', 'subject_leader', 'grade_leader', 'class_teacher', 'school_admin'), Component: TodoSummary },
];
