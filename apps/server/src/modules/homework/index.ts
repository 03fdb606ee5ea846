/**
 * The homework module's face (作业管理): items through the review chain, class days and publication, families'
 * reports, rollups and dashboards, the design library and the error notebook, marking (批改) and the daily record
 * (作业登记), vacation homework handed in and the excellent-work list.
 */
import type { AppModule } from '../../platform/module';
import { homeworkPolicies } from './homework.policy';
import { registerMarkingRoutes } from './marking.routes';
import { eveningReminderJob } from './notices.service';
import { rollupFlushJob } from './rollups';
import { registerHomeworkRoutes } from './routes';
import { registerVacationRoutes } from './vacation.routes';
import type { Queryable } from '../../platform/db';
import { rowsAboutPupil } from '../../platform/personal-data';
import { homeworkFeedback, homeworkMistakes, homeworkStudentDays } from './schema';
import { homeworkHandIns } from './vacation.schema';

export const homeworkModule: AppModule = {
  name: 'homework',
  policies: homeworkPolicies,
  constraintMessages: {
    homework_markings_item_uq: '这项作业已登记批改',
    homework_hand_ins_day_uq: '这一天的假期作业已经交过',
    homework_excellent_lists_uq: '该年级这个假期的优秀学生名单已公示',
  },
  routes(app) {
    registerHomeworkRoutes(app);
    registerMarkingRoutes(app);
    registerVacationRoutes(app);
  },
  // 晚间填报提醒: families who have not reported the day's published list (homework.eveningReminder)
  // the families' reports folded into the class-day, item and school-week rollups (homework_rollup_queue)
  jobs: [eveningReminderJob(), rollupFlushJob()],
};

/** Rollups recomputed in bulk, for generated data (demo, benchmark); queued reports folded in (tests, the job). */
export { flushRollups, rebuildRollups } from './rollups';

/** 每日作业清单 of a school for its public page (三单公开). */
export { publishedListsOfSchool } from './public-lists';

/** Read model of a family's evening (作业熔断, when homework ended), for 五项管理 睡眠. */
export { homeworkEvenings } from './read-models.schema';

/** Per-school homework figures over a range, for 督导考核 (the district dashboard's figures, read without a request). */
export { homeworkSchoolBreakdown, type HomeworkSchoolFigures, homeworkSchoolFigures } from './supervision-figures';

/** What homework holds about a pupil (the family's reports, feedback, vacation hand-ins, error notebook), for the family's download. */
export const homeworkPupilData = (q: Queryable, districtId: string, studentId: string) =>
  rowsAboutPupil(q, districtId, studentId, {
    homeworkReports: homeworkStudentDays,
    homeworkFeedback,
    vacationHandIns: homeworkHandIns,
    errorNotebook: homeworkMistakes,
  });
