/** Sections that modules add to the home page, each shown to the people it concerns. */
import type { Me } from '@shuangjian/contracts';
import type { ComponentType } from 'react';
import { can, hasRole } from '../app/auth';
import { ChildHomeworkToday } from './homework/components/ChildTodayCard';
import { TodoSummary } from './homework/components/TodoSummary';
import { SleepHomeCard } from './five-managements/sleep/SleepHomeCard';
import { InstitutionHomeCard } from './training/institution/InstitutionHomeCard';
import { MeetingsHomeCard } from './home-school/meetings/MeetingsHomeCard';
import { VisitsHomeCard } from './home-school/visits/VisitsHomeCard';
import { SupervisionHomeCard } from './supervision/home/SupervisionHomeCard';
import { NoticesHomeCard } from './supervision/notices/NoticesHomeCard';

export interface HomeSection {
  key: string;
  visible(me: Me): boolean;
  Component: ComponentType;
}

export const homeSections: HomeSection[] = [
  // 作业待办: drafts, returned items, content to check, days to coordinate and to approve
  { key: 'homework-todo', visible: (me) => hasRole(me, 'teacher', 'subject_leader', 'grade_leader', 'class_teacher', 'school_admin'), Component: TodoSummary },
  // parents: today's homework of each child (作业公示), reported or not
  { key: 'homework-children', visible: (me) => hasRole(me, 'parent') && me.children.length > 0, Component: ChildHomeworkToday },
  // parents: each child's last night (睡眠管理), reported or still to report
  { key: 'five-sleep', visible: (me) => hasRole(me, 'parent') && me.children.length > 0, Component: SleepHomeCard },
  // 校外培训 institution admins: orders, lessons awaiting parents, refunds to handle (机构工作台)
  { key: 'training-institution', visible: (me) => hasRole(me, 'institution_admin') && me.institutions.length > 0, Component: InstitutionHomeCard },
  // teachers: this week's home visit (家访) done or still to do, and the pupils still due this semester
  { key: 'home-school-visits', visible: (me) => me.classes.some((c) => c.roles.includes('teacher') || c.roles.includes('class_teacher')), Component: VisitsHomeCard },
  // district office and inspectors: the week's leading figures of 督导总览 and the way in
  { key: 'supervision-home', visible: (me) => can(me, 'supervision.home'), Component: SupervisionHomeCard },
  // parents: the next parent meeting (家长会) or lecture (家长学校) of each child
  { key: 'home-school-meetings', visible: (me) => hasRole(me, 'parent') && me.children.length > 0, Component: MeetingsHomeCard },
  // 督导通知: notices, warnings and awards of the district office, the unread ones counted
  { key: 'supervision-notices', visible: (me) => can(me, 'supervision.notice.read'), Component: NoticesHomeCard },
];
