/**
 * The training-institution supervision module's face (校外培训监管): the registry file of each institution and its
 * review, rule checks citing the district's policy, packages families buy under the standard contract, the custody
 * ledger released lesson by lesson (一课一消) and refunds, bank reconciliation, early-warning cases, inspections and
 * annual review, complaints, and the district's dashboards.
 */
import type { AppModule } from '../../platform/module';
import { autoConfirmJob } from './autoconfirm';
import { trainingStatsJob } from './alerts-rollup.service';
import { registerAlertsRoutes } from './alerts.routes';
import { registerComplaintsRoutes } from './complaints.routes';
import { registerCustodyRoutes } from './custody.routes';
import { rectificationOverdueJob } from './inspections-annual.service';
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
    training_complaints_code_uq: '举报查询码重复，请重试',
    training_statement_imports_file_uq: '这份对账单已经导入过，不能重复导入',
    training_statement_lines_serial_uq: '对账单中有重复的流水号',
    training_alerts_open_uq: '该机构已有同类未办结的预警',
    training_annual_reviews_uq: '该机构本年度已有年检结果',
    training_accounts_non_negative_ck: '余额不足：账户余额不能为负',
    training_consumptions_lesson_order_uq: '该学生本节课已登记课消',
    training_refunds_order_uq: '该订单已申请退费',
  },
  routes(app, deps) {
    registerRegistryRoutes(app);
    registerRulesRoutes(app);
    registerCustodyRoutes(app);
    registerReconcileRoutes(app);
    registerAlertsRoutes(app);
    registerInspectionsRoutes(app);
    registerComplaintsRoutes(app, deps);
  },
  jobs: [trainingStatsJob(), rectificationOverdueJob(), autoConfirmJob()],
};

/** The district rollup and early-warning evaluation (the demo and tests call it; the job runs it every 10 minutes). */
export { refreshTrainingStats } from './alerts-rollup.service';

/** Per-zone institution figures (by status, custody coverage, complaints), for 督导考核. */
export { type TrainingZoneFigures, trainingZoneFigures } from './supervision-figures';
