/**
 * The route table: the one source of pages, menu entries and who may open them (by permission or role), so a menu
 * item and its permission cannot drift apart.
 */
import {
  AccountBookOutlined,
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BookOutlined,
  CalendarOutlined,
  CarryOutOutlined,
  CheckSquareOutlined,
  CloudUploadOutlined,
  DashboardOutlined,
  EditOutlined,
  FileProtectOutlined,
  FormOutlined,
  FundOutlined,
  HeatMapOutlined,
  HighlightOutlined,
  HomeOutlined,
  IdcardOutlined,
  PieChartOutlined,
  PrinterOutlined,
  ProfileOutlined,
  ReadOutlined,
  SafetyOutlined,
  ScheduleOutlined,
  SettingOutlined,
  ShopOutlined,
  SmileOutlined,
  TeamOutlined,
  UserOutlined,
  WalletOutlined,
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
  training: { labelKey: 'menu.training', icon: <ShopOutlined /> },
  five: { labelKey: 'menu.five', icon: <HeatMapOutlined /> },
  exams: { labelKey: 'menu.exams', icon: <ProfileOutlined /> },
  timetable: { labelKey: 'menu.timetable', icon: <ScheduleOutlined /> },
  homeSchool: { labelKey: 'menu.homeSchool', icon: <TeamOutlined /> },
  supervision: { labelKey: 'menu.supervision', icon: <FundOutlined /> },
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
  { path: '/after-school/plan', labelKey: 'menu.afterSchool.plan', icon: <FileProtectOutlined />, roles: ['school_admin'], group: 'afterSchool', page: page(() => import('../modules/after-school/plan/SchoolPlanPage')) },
  { path: '/after-school/plans/review', labelKey: 'menu.afterSchool.planReview', icon: <AuditOutlined />, permission: 'after-school.district', group: 'afterSchool', page: page(() => import('../modules/after-school/plan/ReviewPage')) },
  { path: '/after-school/providers', labelKey: 'menu.afterSchool.providers', icon: <ShopOutlined />, permission: 'after-school.review', group: 'afterSchool', page: page(() => import('../modules/after-school/plan/ProvidersPage')) },
  { path: '/after-school/surveys', labelKey: 'menu.afterSchool.surveys', icon: <FormOutlined />, permission: 'after-school.survey', group: 'afterSchool', page: page(() => import('../modules/after-school/survey/SurveysPage')) },
  { path: '/after-school/surveys/family', labelKey: 'menu.afterSchool.familySurveys', icon: <FormOutlined />, roles: ['parent'], page: page(() => import('../modules/after-school/survey/FamilySurveysPage')) },
  { path: '/after-school/surveys/:id', labelKey: 'menu.afterSchool.surveyResults', icon: <PieChartOutlined />, permission: 'after-school.survey', menu: false, page: page(() => import('../modules/after-school/survey/SurveyResultsPage')) },
  { path: '/after-school/lunch', labelKey: 'menu.afterSchool.lunch', icon: <CarryOutOutlined />, roles: ['school_admin', 'class_teacher', 'teacher'], group: 'afterSchool', page: page(() => import('../modules/after-school/care/LunchPage')) },
  { path: '/after-school/summer', labelKey: 'menu.afterSchool.summer', icon: <CalendarOutlined />, roles: ['district_admin', 'school_admin'], group: 'afterSchool', page: page(() => import('../modules/after-school/care/SummerPage')) },
  { path: '/after-school/care/family', labelKey: 'menu.afterSchool.familyCare', icon: <CarryOutOutlined />, roles: ['parent'], page: page(() => import('../modules/after-school/care/FamilyCarePage')) },
  { path: '/after-school/district', labelKey: 'menu.afterSchool.district', icon: <DashboardOutlined />, permission: 'after-school.district', group: 'afterSchool', page: page(() => import('../modules/after-school/district/DistrictPage')) },
  { path: '/after-school/finance', labelKey: 'menu.afterSchool.finance', icon: <AccountBookOutlined />, permission: 'after-school.finance', group: 'afterSchool', page: page(() => import('../modules/after-school/money/FinancePage')) },
  { path: '/after-school/bills', labelKey: 'menu.afterSchool.bills', icon: <WalletOutlined />, roles: ['parent'], page: page(() => import('../modules/after-school/money/FamilyBillsPage')) },
  { path: '/after-school/enrol/child', labelKey: 'menu.afterSchool.enrolChild', icon: <SmileOutlined />, roles: ['parent'], page: page(() => import('../modules/after-school/enrol/FamilyEnrolPage')) },
  { path: '/after-school/enrol', labelKey: 'menu.afterSchool.windows', icon: <ScheduleOutlined />, roles: ['school_admin'], group: 'afterSchool', page: page(() => import('../modules/after-school/enrol/WindowsPage')) },
  { path: '/after-school/daily', labelKey: 'menu.afterSchool.daily', icon: <CheckSquareOutlined />, permission: 'after-school.run', group: 'afterSchool', page: page(() => import('../modules/after-school/daily/TeacherDayPage')) },
  { path: '/after-school/leave', labelKey: 'menu.afterSchool.leave', icon: <CalendarOutlined />, roles: ['parent'], page: page(() => import('../modules/after-school/daily/LeavePage')) },
  { path: '/after-school/quality', labelKey: 'menu.afterSchool.quality', icon: <AuditOutlined />, permission: 'after-school.patrol', group: 'afterSchool', page: page(() => import('../modules/after-school/daily/QualityPage')) },
  { path: '/after-school/flex-hours', labelKey: 'menu.afterSchool.flexHours', icon: <ScheduleOutlined />, permission: 'after-school.run', group: 'afterSchool', page: page(() => import('../modules/after-school/daily/FlexHoursPage')) },
  { path: '/training/district', labelKey: 'menu.training.district', icon: <DashboardOutlined />, permission: 'training.district', group: 'training', page: page(() => import('../modules/training/district/DistrictPage')) },
  { path: '/training/alerts', labelKey: 'menu.training.alerts', icon: <AlertOutlined />, permission: 'training.alerts', group: 'training', page: page(() => import('../modules/training/alerts/AlertsPage')) },
  { path: '/training/custody', labelKey: 'menu.training.custody', icon: <AccountBookOutlined />, permission: 'training.custody', group: 'training', page: page(() => import('../modules/training/custody/CustodyPage')) },
  { path: '/training/registry/review', labelKey: 'menu.training.review', icon: <AuditOutlined />, permission: 'training.review', group: 'training', page: page(() => import('../modules/training/registry/ReviewQueuePage')) },
  { path: '/training/registry/institutions', labelKey: 'menu.training.registry', icon: <ShopOutlined />, roles: ['district_admin', 'inspector'], group: 'training', page: page(() => import('../modules/training/registry/RegistryListPage')) },
  { path: '/training/registry/institutions/:id', labelKey: 'menu.training.registryFile', icon: <ShopOutlined />, permission: 'training.read', menu: false, page: page(() => import('../modules/training/registry/InstitutionFilePage')) },
  { path: '/training/violations', labelKey: 'menu.training.violations', icon: <AlertOutlined />, permission: 'training.read', group: 'training', page: page(() => import('../modules/training/rules/ViolationsPage')) },
  { path: '/training/complaints', labelKey: 'menu.training.complaints', icon: <AlertOutlined />, permission: 'training.complaints', group: 'training', page: page(() => import('../modules/training/complaints/ComplaintsPage')) },
  { path: '/training/inspections/today', labelKey: 'menu.training.inspToday', icon: <ScheduleOutlined />, permission: 'training.inspect', group: 'training', page: page(() => import('../modules/training/inspections/TodayPage')) },
  { path: '/training/inspections/visit', labelKey: 'menu.training.inspVisit', icon: <FormOutlined />, permission: 'training.inspect', menu: false, page: page(() => import('../modules/training/inspections/VisitPage')) },
  { path: '/training/inspections/verify', labelKey: 'menu.training.inspVerify', icon: <AuditOutlined />, permission: 'training.inspect', group: 'training', page: page(() => import('../modules/training/inspections/VerifyPage')) },
  { path: '/training/inspections', labelKey: 'menu.training.inspections', icon: <FileProtectOutlined />, permission: 'training.inspect', group: 'training', page: page(() => import('../modules/training/inspections/InspectionsPage')) },
  { path: '/training/institution', labelKey: 'menu.training.institution', icon: <ShopOutlined />, permission: 'training.file', group: 'training', page: page(() => import('../modules/training/institution/InstitutionHomePage')) },
  { path: '/training/registry', labelKey: 'menu.training.filing', icon: <FileProtectOutlined />, permission: 'training.file', group: 'training', page: page(() => import('../modules/training/registry/FilingPage')) },
  { path: '/training/schedules', labelKey: 'menu.training.schedules', icon: <ScheduleOutlined />, permission: 'training.file', group: 'training', page: page(() => import('../modules/training/rules/SchedulesPage')) },
  { path: '/training/rectifications', labelKey: 'menu.training.rectifications', icon: <CheckSquareOutlined />, permission: 'training.file', group: 'training', page: page(() => import('../modules/training/inspections/RectificationsPage')) },
  { path: '/training/rules', labelKey: 'menu.training.rules', icon: <ReadOutlined />, permission: 'training.read', group: 'training', page: page(() => import('../modules/training/rules/RulesPage')) },
  { path: '/training/family', labelKey: 'menu.training.family', icon: <ShopOutlined />, roles: ['parent'], page: page(() => import('../modules/training/family/FamilyTrainingPage')) },
  { path: '/training/family/complaints', labelKey: 'menu.training.familyComplaints', icon: <AlertOutlined />, roles: ['parent'], page: page(() => import('../modules/training/complaints/FamilyComplaintsPage')) },
  { path: '/exams/dashboard', labelKey: 'menu.exams.dashboard', icon: <DashboardOutlined />, permission: 'exams.district', group: 'exams', page: page(() => import('../modules/exams/dashboard/DistrictPage')) },
  { path: '/exams/dashboard/schools/:schoolId', labelKey: 'menu.exams.dashboardSchool', icon: <DashboardOutlined />, permission: 'exams.district', menu: false, page: page(() => import('../modules/exams/dashboard/SchoolPage')) },
  { path: '/exams/filings', labelKey: 'menu.exams.filings', icon: <FileProtectOutlined />, permission: 'exams.read', group: 'exams', page: page(() => import('../modules/exams/filings/FilingsPage')) },
  { path: '/exams/results', labelKey: 'menu.exams.results', icon: <HighlightOutlined />, permission: 'exams.results', group: 'exams', page: page(() => import('../modules/exams/results/ResultsPage')) },
  { path: '/exams/levels/child', labelKey: 'menu.exams.familyLevels', icon: <ProfileOutlined />, roles: ['parent'], page: page(() => import('../modules/exams/results/FamilyLevelsPage')) },
  { path: '/exams/growth', labelKey: 'menu.exams.growth', icon: <IdcardOutlined />, permission: 'exams.growth', group: 'exams', page: page(() => import('../modules/exams/growth/ClassGrowthPage')) },
  { path: '/exams/growth/child', labelKey: 'menu.exams.growthChild', icon: <PrinterOutlined />, roles: ['parent'], page: page(() => import('../modules/exams/growth/ChildGrowthPage')) },
  { path: '/timetable/school', labelKey: 'menu.timetable.school', icon: <ScheduleOutlined />, roles: ['school_admin', 'grade_leader', 'district_admin', 'inspector'], group: 'timetable', page: page(() => import('../modules/timetable/SchoolPage')) },
  { path: '/timetable/class/:classId', labelKey: 'menu.timetable.school', icon: <ScheduleOutlined />, permission: 'timetable.read', menu: false, page: page(() => import('../modules/timetable/class/ClassPage')) },
  { path: '/timetable/patrol', labelKey: 'menu.timetable.patrol', icon: <AuditOutlined />, permission: 'timetable.patrol', group: 'timetable', page: page(() => import('../modules/timetable/PatrolPage')) },
  { path: '/timetable/findings', labelKey: 'menu.timetable.findings', icon: <AlertOutlined />, roles: ['school_admin', 'district_admin', 'inspector'], group: 'timetable', page: page(() => import('../modules/timetable/FindingsPage')) },
  { path: '/timetable/district', labelKey: 'menu.timetable.district', icon: <DashboardOutlined />, permission: 'timetable.district', group: 'timetable', page: page(() => import('../modules/timetable/DistrictPage')) },
  { path: '/timetable/child', labelKey: 'menu.timetable.child', icon: <CalendarOutlined />, permission: 'timetable.family', page: page(() => import('../modules/timetable/ChildPage')) },
  { path: '/home-school/visits', labelKey: 'menu.homeSchool.visits', icon: <HomeOutlined />, permission: 'home-school.visit', group: 'homeSchool', page: page(() => import('../modules/home-school/visits/VisitsPage')) },
  { path: '/home-school/visits/classes/:classId', labelKey: 'menu.homeSchool.classVisits', icon: <TeamOutlined />, permission: 'home-school.read', menu: false, page: page(() => import('../modules/home-school/visits/ClassVisitsPage')) },
  { path: '/home-school/special', labelKey: 'menu.homeSchool.special', icon: <IdcardOutlined />, roles: ['district_admin', ...STAFF], group: 'homeSchool', page: page(() => import('../modules/home-school/special/SpecialPage')) },
  { path: '/home-school/special/:studentId', labelKey: 'menu.homeSchool.specialFile', icon: <IdcardOutlined />, roles: ['district_admin', ...STAFF], menu: false, page: page(() => import('../modules/home-school/special/SpecialFilePage')) },
  { path: '/home-school/care-staff', labelKey: 'menu.homeSchool.careStaff', icon: <UserOutlined />, permission: 'home-school.care-staff', group: 'homeSchool', page: page(() => import('../modules/home-school/special/CareStaffPage')) },
  { path: '/home-school/meetings', labelKey: 'menu.homeSchool.meetings', icon: <TeamOutlined />, permission: 'home-school.meeting', group: 'homeSchool', page: page(() => import('../modules/home-school/meetings/ClassMeetingsPage')) },
  { path: '/home-school/lectures', labelKey: 'menu.homeSchool.lectures', icon: <ReadOutlined />, permission: 'home-school.lecture.manage', group: 'homeSchool', page: page(() => import('../modules/home-school/meetings/LecturesPage')) },
  { path: '/home-school/family', labelKey: 'menu.homeSchool.family', icon: <TeamOutlined />, permission: 'home-school.family', page: page(() => import('../modules/home-school/meetings/FamilyPage')) },
  { path: '/home-school/district', labelKey: 'menu.homeSchool.district', icon: <DashboardOutlined />, permission: 'home-school.district', group: 'homeSchool', page: page(() => import('../modules/home-school/district/DistrictPage')) },
  { path: '/home-school/district/schools/:schoolId', labelKey: 'menu.homeSchool.districtSchool', icon: <DashboardOutlined />, permission: 'home-school.district', menu: false, page: page(() => import('../modules/home-school/district/SchoolPage')) },
  { path: '/five/dashboard', labelKey: 'menu.five.dashboard', icon: <DashboardOutlined />, permission: 'five-managements.district', group: 'five', page: page(() => import('../modules/five-managements/dashboard/DistrictPage')) },
  { path: '/five/dashboard/schools/:schoolId', labelKey: 'menu.five.dashboardSchool', icon: <DashboardOutlined />, permission: 'five-managements.district', menu: false, page: page(() => import('../modules/five-managements/dashboard/SchoolPage')) },
  { path: '/five/dashboard/classes/:classId', labelKey: 'menu.five.dashboardClass', icon: <DashboardOutlined />, permission: 'five-managements.district', menu: false, page: page(() => import('../modules/five-managements/dashboard/ClassPage')) },
  { path: '/five/sleep', labelKey: 'menu.five.sleep', icon: <ScheduleOutlined />, roles: ['parent'], page: page(() => import('../modules/five-managements/sleep/FamilySleepPage')) },
  { path: '/five/phones', labelKey: 'menu.five.phones', icon: <IdcardOutlined />, roles: ['parent'], page: page(() => import('../modules/five-managements/phones/FamilyPhonesPage')) },
  { path: '/five/sleep/classes', labelKey: 'menu.five.sleepClasses', icon: <PieChartOutlined />, permission: 'five-managements.read', group: 'five', page: page(() => import('../modules/five-managements/sleep/SleepClassesPage')) },
  { path: '/five/phones/class', labelKey: 'menu.five.phonesClass', icon: <TeamOutlined />, roles: ['class_teacher'], group: 'five', page: page(() => import('../modules/five-managements/phones/ClassPhonesPage')) },
  { path: '/five/reading/lists', labelKey: 'menu.five.readingLists', icon: <BookOutlined />, permission: 'five-managements.read', group: 'five', page: page(() => import('../modules/five-managements/reading/ListsPage')) },
  { path: '/five/reading/filings', labelKey: 'menu.five.readingFilings', icon: <ReadOutlined />, permission: 'five-managements.read', group: 'five', page: page(() => import('../modules/five-managements/reading/FilingsPage')) },
  { path: '/five/fitness/day', labelKey: 'menu.five.fitnessDay', icon: <CheckSquareOutlined />, permission: 'five-managements.class', group: 'five', page: page(() => import('../modules/five-managements/fitness/DayPage')) },
  { path: '/five/fitness/week', labelKey: 'menu.five.fitnessWeek', icon: <ScheduleOutlined />, permission: 'five-managements.read', group: 'five', page: page(() => import('../modules/five-managements/fitness/WeekPage')) },
  { path: '/five/fitness/tests', labelKey: 'menu.five.fitnessTests', icon: <FundOutlined />, permission: 'five-managements.read', group: 'five', page: page(() => import('../modules/five-managements/fitness/TestsPage')) },
  { path: '/five/fitness/child', labelKey: 'menu.five.fitnessChild', icon: <SmileOutlined />, roles: ['parent'], page: page(() => import('../modules/five-managements/fitness/ChildPage')) },
  { path: '/five/selfcheck', labelKey: 'menu.five.selfcheck', icon: <AuditOutlined />, roles: ['district_admin', 'inspector'], group: 'five', page: page(() => import('../modules/five-managements/selfcheck/SelfcheckDistrictPage')) },
  { path: '/five/selfcheck/checklist', labelKey: 'menu.five.selfcheckChecklist', icon: <ProfileOutlined />, permission: 'five-managements.lists', group: 'five', page: page(() => import('../modules/five-managements/selfcheck/ChecklistPage')) },
  { path: '/five/selfcheck/school', labelKey: 'menu.five.selfcheckSchool', icon: <AuditOutlined />, roles: ['school_admin'], group: 'five', page: page(() => import('../modules/five-managements/selfcheck/SchoolSelfcheckPage')) },
  { path: '/five/selfcheck/school/:schoolId', labelKey: 'menu.five.selfcheckDrill', icon: <AuditOutlined />, permission: 'five-managements.read', menu: false, page: page(() => import('../modules/five-managements/selfcheck/SchoolSelfcheckPage')) },
  { path: '/supervision/home', labelKey: 'menu.supervision.home', icon: <DashboardOutlined />, permission: 'supervision.home', group: 'supervision', page: page(() => import('../modules/supervision/home/DistrictHomePage')) },
  { path: '/supervision/assessments', labelKey: 'menu.supervision.assessments', icon: <AuditOutlined />, roles: ['district_admin', 'inspector'], group: 'supervision', page: page(() => import('../modules/supervision/assess/AssessmentsPage')) },
  { path: '/supervision/assessments/:id', labelKey: 'menu.supervision.assessment', icon: <AuditOutlined />, roles: ['district_admin', 'inspector'], menu: false, page: page(() => import('../modules/supervision/assess/AssessmentPage')) },
  { path: '/supervision/results', labelKey: 'menu.supervision.results', icon: <FundOutlined />, permission: 'supervision.results', group: 'supervision', page: page(() => import('../modules/supervision/assess/SchoolResultsPage')) },
  { path: '/supervision/notices', labelKey: 'menu.supervision.notices', icon: <AlertOutlined />, permission: 'supervision.notice.read', group: 'supervision', page: page(() => import('../modules/supervision/notices/InboxPage')) },
  { path: '/supervision/notices/sent', labelKey: 'menu.supervision.send', icon: <FormOutlined />, permission: 'supervision.notice.send', group: 'supervision', page: page(() => import('../modules/supervision/notices/SentPage')) },
  { path: '/supervision/reports', labelKey: 'menu.supervision.reports', icon: <PrinterOutlined />, permission: 'supervision.reports', group: 'supervision', page: page(() => import('../modules/supervision/reports/ReportsPage')) },
  { path: '/settings/policies/history', labelKey: 'menu.policyHistory', icon: <SettingOutlined />, permission: 'policy.read', menu: false, page: page(() => import('../modules/supervision/reports/PolicyHistoryPage')) },
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
  { path: '/system/accounts', labelKey: 'menu.systemAccounts', icon: <IdcardOutlined />, permission: 'system.accounts', page: page(() => import('./security/SystemAccountsPage')) },
  { path: '/system/settings', labelKey: 'menu.systemSettings', icon: <SettingOutlined />, permission: 'system.settings', page: page(() => import('./security/SettingsPage')) },
  { path: '/system/jobs', labelKey: 'menu.systemJobs', icon: <ScheduleOutlined />, permission: 'system.settings', page: page(() => import('./security/JobsPage')) },
  { path: '/security/grants', labelKey: 'menu.securityGrants', icon: <TeamOutlined />, permission: 'security.grants', page: page(() => import('./security/GrantsPage')) },
  { path: '/security/policy', labelKey: 'menu.systemSettings', icon: <SettingOutlined />, permission: 'security.grants', page: page(() => import('./security/SettingsPage')) },
  { path: '/security', labelKey: 'menu.security', icon: <SafetyOutlined />, menu: false, page: page(() => import('./security/SecurityPage')) },
];

export function mayOpen(route: AppRoute, me: Me | null | undefined): boolean {
  if (!me) return false;
  if (route.roles && !hasRole(me, ...route.roles)) return false;
  if (route.permission && !can(me, route.permission)) return false;
  return true;
}
