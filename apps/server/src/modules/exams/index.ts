/**
 * The exams module's face (考试管理 and 综合素质评价): schools file their exams against the district's exam rules,
 * results are kept as levels (等级) and never as a score or a rank, every pupil has a growth record per semester
 * (德智体美劳, activities, awards, labour tasks, skills, teachers' comments) a family can read and print, and the
 * district's and schools' dashboards.
 */
import type { AppModule } from '../../platform/module';
import { registerDashboardRoutes } from './dashboard.routes';
import { examsPolicies } from './exams.policy';
import { registerExamsRoutes } from './exams.routes';
import { registerGrowthRoutes } from './growth.routes';
import type { Queryable } from '../../platform/db';
import { rowsAboutPupil } from '../../platform/personal-data';
import { examResults } from './exams.schema';
import { growthComments, growthEntries } from './growth.schema';

export const examsModule: AppModule = {
  name: 'exams',
  policies: examsPolicies,
  constraintMessages: { growth_entries_labour_uq: '该学生本学期已记录过这项劳动清单任务' },
  routes(app) {
    registerExamsRoutes(app);
    registerGrowthRoutes(app);
    registerDashboardRoutes(app);
  },
  jobs: [],
};

/** What exams and the growth record hold about a pupil (levels, growth records, teachers' comments), for the family's download. */
export const examsPupilData = (q: Queryable, districtId: string, studentId: string) =>
  rowsAboutPupil(q, districtId, studentId, { examLevels: examResults, growthRecords: growthEntries, growthComments });
