/**
 * The 五项管理 module's face (five managements besides homework): sleep reports and the class figures, the phone rule
 * and its requests and register, the district's reading lists and what schools bring in, daily physical activity and
 * the national fitness test, the semester self-check against the negative list with its rectifications, and the
 * district's and schools' dashboards.
 */
import type { AppModule } from '../../platform/module';
import { registerDashboardRoutes } from './dashboard.routes';
import { fiveManagementsPolicies } from './five-managements.policy';
import { registerFitnessRoutes } from './fitness.routes';
import { registerPhonesRoutes } from './phones.routes';
import { registerReadingRoutes } from './reading.routes';
import { selfcheckOverdueJob } from './selfcheck-rectify.service';
import { registerSelfcheckRoutes } from './selfcheck.routes';
import { registerSleepRoutes } from './sleep.routes';
import type { Queryable } from '../../platform/db';
import { rowsAboutPupil } from '../../platform/personal-data';
import { fiveFitnessTests } from './fitness.schema';
import { fivePhoneRequests } from './phones.schema';
import { fiveSleepReports, fiveSleepUsual } from './sleep.schema';

export const fiveManagementsModule: AppModule = {
  name: 'five-managements',
  policies: fiveManagementsPolicies,
  constraintMessages: {
    five_selfcheck_checklists_semester_uq: '该学期已有自查清单',
    five_selfcheck_items_no_uq: '自查项目序号重复',
  },
  routes(app) {
    registerSleepRoutes(app);
    registerPhonesRoutes(app);
    registerReadingRoutes(app);
    registerFitnessRoutes(app);
    registerSelfcheckRoutes(app);
    registerDashboardRoutes(app);
  },
  jobs: [selfcheckOverdueJob()],
};

/** What 五项管理 holds about a pupil (sleep reports and the usual night, phone requests, fitness tests), for the family's download. */
export const fiveManagementsPupilData = (q: Queryable, districtId: string, studentId: string) =>
  rowsAboutPupil(q, districtId, studentId, {
    sleepReports: fiveSleepReports,
    sleepUsual: fiveSleepUsual,
    phoneRequests: fivePhoneRequests,
    fitnessTests: fiveFitnessTests,
  });
