/**
 * The after-school services module's face (课后服务): the district's provider white list, each school's semester plan
 * (一校一案) and course catalogue, families' choices (选课) and agreements, daily running (attendance, leave, pick-up,
 * patrols), money (fees, waivers, refunds, payments, settlement), satisfaction surveys, lunch and summer care, and
 * the district's dashboards.
 */
import type { AppModule } from '../../platform/module';
import { afterSchoolPolicies } from './after-school.policy';
import { registerCareRoutes } from './care.routes';
import { registerDailyRoutes } from './daily.routes';
import { registerDistrictRoutes } from './district.routes';
import { registerEnrolRoutes } from './enrol.routes';
import { registerMoneyRoutes } from './money.routes';
import { registerPlanRoutes } from './plan.routes';
import { statsRefreshJob } from './rollup';
import { registerSurveyRoutes } from './survey.routes';
import type { Queryable } from '../../platform/db';
import { rowsAboutPupil } from '../../platform/personal-data';
import { afterSchoolLunchEnrolments, afterSchoolSummerEnrolments } from './care.schema';
import { afterSchoolPickups } from './daily.schema';
import { afterSchoolBills, afterSchoolCharges, afterSchoolPayments, afterSchoolWaivers } from './money.schema';
import { afterSchoolAgreements, afterSchoolAttendance, afterSchoolEnrolments, afterSchoolLeaves } from './schema';

export const afterSchoolModule: AppModule = {
  name: 'after-school',
  policies: afterSchoolPolicies,
  constraintMessages: {
    after_school_providers_item_uq: '该机构的这个项目已在白名单中',
    after_school_plans_open_uq: '本学期已有一份正在编辑或审核中的方案',
    after_school_courses_name_uq: '本学期已有同名课程',
    after_school_agreements_student_uq: '孩子本学期已签订课后服务协议',
    after_school_enrolments_live_uq: '孩子已选过这门课程',
    after_school_sessions_day_uq: '这节课刚刚已有人点名，请刷新后再试',
    after_school_pickups_day_uq: '孩子今天的接送刚刚已有人登记，请刷新后再试',
    after_school_assessments_month_uq: '这门课程本月刚刚已有人考核，请刷新后再试',
    after_school_payments_reference_uq: '这个流水号的缴费已经登记过',
    after_school_payment_reversals_payment_uq: '这笔缴费已经冲正过，不能再次冲正',
    after_school_bills_month_uq: '这个月的账单正在生成，请稍后重试',
    after_school_waivers_live_uq: '该学生本学期已在这个减免类别中',
    after_school_lunch_offers_term_uq: '本学期已设立午餐午托',
    after_school_lunch_enrolments_live_uq: '孩子已报名本学期午餐午托',
    after_school_summer_sites_name_uq: '这一年已有同名的暑期托管点',
    after_school_summer_enrolments_live_uq: '孩子已报名这一期',
  },
  routes(app, deps) {
    registerPlanRoutes(app, deps);
    registerEnrolRoutes(app);
    registerDailyRoutes(app);
    registerMoneyRoutes(app);
    registerSurveyRoutes(app);
    registerCareRoutes(app);
    registerDistrictRoutes(app);
  },
  // the district dashboards' rollup, refreshed from raw rows (writes keep it current in between)
  jobs: [statsRefreshJob()],
};

/** The district rollup recomputed from raw rows (demo data, tests, the scheduled job). */
export { refreshSchoolStats } from './rollup';

/** Per-school participation (pupils and teachers taking part) over semesters, for 督导考核. */
export { type AfterSchoolParticipation, afterSchoolParticipation } from './supervision-figures';

/** What 课后服务 holds about a pupil (agreements, enrolments, attendance, leave, pick-ups, bills and payments, care), for the family's download. */
export const afterSchoolPupilData = (q: Queryable, districtId: string, studentId: string) =>
  rowsAboutPupil(q, districtId, studentId, {
    afterSchoolAgreements,
    afterSchoolEnrolments,
    afterSchoolAttendance,
    afterSchoolLeaves,
    afterSchoolPickups,
    afterSchoolBills,
    afterSchoolCharges,
    afterSchoolPayments,
    afterSchoolWaivers,
    lunchEnrolments: afterSchoolLunchEnrolments,
    summerCareEnrolments: afterSchoolSummerEnrolments,
  });
