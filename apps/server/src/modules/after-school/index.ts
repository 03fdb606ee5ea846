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
import { registerSurveyRoutes } from './survey.routes';

export const afterSchoolModule: AppModule = {
  name: 'after-school',
  policies: afterSchoolPolicies,
  constraintMessages: {
    after_school_providers_item_uq: '该机构的这个项目已在白名单中',
    after_school_plans_open_uq: '本学期已有一份正在编辑或审核中的方案',
    after_school_courses_name_uq: '本学期已有同名课程',
    after_school_agreements_student_uq: '孩子本学期已签订课后服务协议',
    after_school_enrolments_live_uq: '孩子已选过这门课程',
  },
  routes(app) {
    registerPlanRoutes(app);
    registerEnrolRoutes(app);
    registerDailyRoutes(app);
    registerMoneyRoutes(app);
    registerSurveyRoutes(app);
    registerCareRoutes(app);
    registerDistrictRoutes(app);
  },
  jobs: [],
};
