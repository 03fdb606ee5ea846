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
import { registerSelfcheckRoutes } from './selfcheck.routes';
import { registerSleepRoutes } from './sleep.routes';

export const fiveManagementsModule: AppModule = {
  name: 'five-managements',
  policies: fiveManagementsPolicies,
  constraintMessages: {},
  routes(app) {
    registerSleepRoutes(app);
    registerPhonesRoutes(app);
    registerReadingRoutes(app);
    registerFitnessRoutes(app);
    registerSelfcheckRoutes(app);
    registerDashboardRoutes(app);
  },
  jobs: [],
};
