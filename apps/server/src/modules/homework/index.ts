/**
 * The homework module's face (作业管理): items through the review chain, class days and publication, families'
 * reports, rollups and dashboards, the design library and the error notebook.
 */
import type { AppModule } from '../../platform/module';
import { homeworkPolicies } from './homework.policy';
import { registerHomeworkRoutes } from './routes';

export const homeworkModule: AppModule = {
  name: 'homework',
  policies: homeworkPolicies,
  routes: (app) => registerHomeworkRoutes(app),
};

/** Rollups recomputed in bulk, for generated data (demo, benchmark). */
export { rebuildRollups } from './rollups';
