/**
 * The route table: the one source of pages, menu entries and who may open them (by permission or role), so a menu
 * item and its permission cannot drift apart.
 */
import {
  ApartmentOutlined,
  CheckSquareOutlined,
  DashboardOutlined,
  EditOutlined,
  FileProtectOutlined,
  FormOutlined,
  FundOutlined,
  HeatMapOutlined,
  PrinterOutlined,
  ReadOutlined,
  ScheduleOutlined,
  SettingOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CloudUploadOutlined,
  HomeOutlined,
  IdcardOutlined,
  ShopOutlined,
  SmileOutlined,
  TeamOutlined,
  UserOutlined,
  HighlightOutlined,
  PieChartOutlined,
  ProfileOutlined,
  CarryOutOutlined,
} from '@ant-design/icons';
import type { Me, Permission, Role } from '@shuangjian/contracts';
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from 'react';
import { can, hasRole } from './auth';

export interface AppRoute {
  path: string;
  labelKey: string;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType>;
  /** Who may open it: any of these permissions, or any of these roles. Neither: everyone signed in. */
  permission?: Permission;
  roles?: Role[];
  /** Menu group key; no group = top level. */
  group?: string;
  menu?: boolean;
}

const page = (load: () => Promise<{ default: ComponentType }>) => lazy(load);

export const groups: Record<string, { labelKey: string; icon: ReactNode }> = {
  homework: { labelKey: 'menu.homework', icon: <EditOutlined /> },
  org: { labelKey: 'menu.org', icon: <ApartmentOutlined /> },
  afterSchool: { labelKey: 'menu.afterSchool', icon: <SmileOutlined /> },
};

const STAFF: Role[] = ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'];

export const routes: AppRoute[] = [
  { path: '/', labelKey: 'menu.home', icon: <HomeOutlined />, page: page(() => import('./HomePage')) },
  { path: '/homework/child', labelKey: 'menu.homework.child', icon: <ReadOutlined />, roles: ['parent'], page: page(() => import('../modules/homework/child/ChildHomeworkPage')) },
  { path: '/homework/rules', labelKey: 'menu.homework.rules', icon: <FileProtectOutlined />, roles: ['parent'], page: page(() => import('../modules/homework/child/RulesPage')) },
  { path: '/homework/todo', labelKey: 'menu.homework.todo', icon: <CheckSquareOutlined />, roles: STAFF, group: 'homework', page: page(() => import('../modules/homework/todo/TodoPage')) },
  { path: '/homework/set', labelKey: 'menu.homework.set', icon: <FormOutlined />, roles: ['teacher'], group: 'homework', page: page(() => import('../modules/homework/set/SetHomeworkPage')) },
  { path: '/homework/week', labelKey: 'menu.homework.week', icon: <ScheduleOutlined />, roles: ['teacher'], group: 'homework', page: page(() => import('../modules/homework/TeacherWeekPage')) },
  { path: '/homework/class', labelKey: 'menu.homework.class', icon: <HeatMapOutlined />, roles: ['class_teacher', 'grade_leader', 'school_admin', 'district_admin', 'inspector'], group: 'homework', page: page(() => import('../modules/homework/ClassCalendarPage')) },
  { path: '/homework/school', labelKey: 'menu.homework.school', icon: <FundOutlined />, roles: ['school_admin', 'grade_leader', 'subject_leader'], group: 'homework', page: page(() => import('../modules/homework/SchoolOverviewPage')) },
  { path: '/homework/district', labelKey: 'menu.homework.district', icon: <DashboardOutlined />, permission: 'homework.district', group: 'homework', page: page(() => import('../modules/homework/DistrictDashboardPage')) },
  { path: '/homework/marking', labelKey: 'menu.homework.marking', icon: <HighlightOutlined />, roles: ['teacher'], group: 'homework', page: page(() => import('../modules/homework/marking/MarkingPage')) },
  { path: '/homework/marking/rates', labelKey: 'menu.homework.markingRates', icon: <PieChartOutlined />, roles: ['school_admin', 'grade_leader', 'subject_leader', 'district_admin', 'inspector'], group: 'homework', page: page(() => import('../modules/homework/marking/MarkingRatesPage')) },
  { path: '/homework/register', labelKey: 'menu.homework.register', icon: <ProfileOutlined />, roles: STAFF, group: 'homework', page: page(() => import('../modules/homework/marking/RegisterPage')) },
  { path: '/homework/vacation', labelKey: 'menu.homework.vacation', icon: <CarryOutOutlined />, roles: ['teacher', 'class_teacher', 'grade_leader', 'school_admin'], group: 'homework', page: page(() => import('../modules/homework/vacation/VacationPage')) },
  { path: '/homework/library', labelKey: 'menu.homework.library', icon: <BookOutlined />, permission: 'homework.library', group: 'homework', page: page(() => import('../modules/homework/library/LibraryPage')) },
  { path: '/homework/day/:classId/:date', labelKey: 'menu.homework.day', icon: <CalendarOutlined />, permission: 'homework.read', menu: false, page: page(() => import('../modules/homework/day/ClassDayPage')) },
  { path: '/homework/notice/:classId/:date', labelKey: 'menu.homework.notice', icon: <PrinterOutlined />, permission: 'homework.published.read', menu: false, page: page(() => import('../modules/homework/NoticePage')) },
  { path: '/settings/policies', labelKey: 'menu.policies', icon: <SettingOutlined />, permission: 'policy.read', page: page(() => import('../modules/homework/PoliciesPage')) },
  { path: '/children', labelKey: 'menu.children', icon: <SmileOutlined />, roles: ['parent'], page: page(() => import('../modules/org/ChildrenPage')) },
  { path: '/org/zones', labelKey: 'menu.zones', icon: <BankOutlined />, permission: 'district.manage', group: 'org', page: page(() => import('../modules/org/ZonesPage')) },
  { path: '/org/schools', labelKey: 'menu.schools', icon: <BankOutlined />, roles: ['district_admin', 'inspector', 'school_admin'], group: 'org', page: page(() => import('../modules/org/SchoolsPage')) },
  { path: '/org/classes', labelKey: 'menu.classes', icon: <TeamOutlined />, roles: ['district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'], group: 'org', page: page(() => import('../modules/org/ClassesPage')) },
  { path: '/org/students', labelKey: 'menu.students', icon: <UserOutlined />, roles: ['district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'], group: 'org', page: page(() => import('../modules/org/StudentsPage')) },
  { path: '/org/staff', labelKey: 'menu.staff', icon: <IdcardOutlined />, permission: 'staff.read', group: 'org', page: page(() => import('../modules/org/StaffPage')) },
  { path: '/org/subjects', labelKey: 'menu.subjects', icon: <BookOutlined />, permission: 'district.manage', group: 'org', page: page(() => import('../modules/org/SubjectsPage')) },
  { path: '/org/roster', labelKey: 'menu.roster', icon: <CloudUploadOutlined />, permission: 'roster.import', group: 'org', page: page(() => import('../modules/org/RosterPage')) },
  { path: '/org/calendar', labelKey: 'menu.calendar', icon: <CalendarOutlined />, roles: ['district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'], group: 'org', page: page(() => import('../modules/calendar/CalendarPage')) },
  { path: '/institutions', labelKey: 'menu.institutions', icon: <ShopOutlined />, permission: 'institution.read', page: page(() => import('../modules/org/InstitutionsPage')) },
  { path: '/audit', labelKey: 'menu.audit', icon: <AuditOutlined />, permission: 'audit.read', page: page(() => import('../modules/audit/AuditPage')) },
];

export function mayOpen(route: AppRoute, me: Me | null | undefined): boolean {
  if (!me) return false;
  if (route.roles && !hasRole(me, ...route.roles)) return false;
  if (route.permission && !can(me, route.permission)) return false;
  return true;
}
