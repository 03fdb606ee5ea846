/**
 * The training-institution supervision module's face (校外培训监管): the registry file of each institution and its
 * review, rule checks citing the district's policy, packages families buy under the standard contract, the custody
 * ledger released lesson by lesson (一课一消) and refunds, bank reconciliation, early-warning cases, inspections and
 * annual review, complaints, and the district's dashboards.
 */
import type { AppModule } from '../../platform/module';
import { registerAlertsRoutes } from './alerts.routes';
import { registerComplaintsRoutes } from './complaints.routes';
import { registerCustodyRoutes } from './custody.routes';
import { registerInspectionsRoutes } from './inspections.routes';
import { registerReconcileRoutes } from './reconcile.routes';
import { registerRegistryRoutes } from './registry.routes';
import { registerRulesRoutes } from './rules.routes';
import { trainingPolicies } from './training.policy';

export const trainingModule: AppModule = {
  name: 'training',
  policies: trainingPolicies,
  constraintMessages: {
    training_courses_name_uq: '本机构已有同名课程',
    training_orders_code_uq: '订单编号重复，请重试',
  },
  routes(app) {
    registerRegistryRoutes(app);
    registerRulesRoutes(app);
    registerCustodyRoutes(app);
    registerReconcileRoutes(app);
    registerAlertsRoutes(app);
    registerInspectionsRoutes(app);
    registerComplaintsRoutes(app);
  },
  jobs: [],
};
