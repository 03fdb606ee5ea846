/**
 * The 督导考核 module's face (district supervision): the district home over every module's figures, the semester
 * assessment (测评细则) with inspectors' scores and red/yellow/black lists, notices and warnings with receipts and
 * replies, and the monthly and semester reports.
 */
import type { AppModule } from '../../platform/module';
import { registerAssessmentRoutes } from './assess.routes';
import { registerHomeRoutes } from './home.routes';
import { registerNoticeRoutes } from './notices.routes';
import { reportsJob } from './reports.job';
import { registerReportRoutes } from './reports.routes';

export const supervisionModule: AppModule = {
  name: 'supervision',
  routes(app) {
    registerHomeRoutes(app);
    registerAssessmentRoutes(app);
    registerNoticeRoutes(app);
    registerReportRoutes(app);
  },
  jobs: [reportsJob()],
};
