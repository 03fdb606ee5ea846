/**
 * The 家校社协同 module's face (home-school work): home visits and their progress against the visit rules, special
 * students' files (一人一档) with care records and stand-in parents, parent meetings, the class teacher's weekly online
 * parent lecture, the parent school's lectures with sign-up, and the district's dashboard.
 */
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import type { AppModule } from '../../platform/module';
import { basesJob } from './bases.job';
import { registerDashboardRoutes } from './dashboard.routes';
import { homeSchoolPolicies } from './home-school.policy';
import { registerMeetingRoutes } from './meetings.routes';
import { visitReminderJob } from './reminder.job';
import { hsVisits } from './schema';
import { registerVisitRoutes } from './visits.routes';

export const homeSchoolModule: AppModule = {
  name: 'home-school',
  policies: homeSchoolPolicies,
  routes(app) {
    registerVisitRoutes(app);
    registerMeetingRoutes(app);
    registerDashboardRoutes(app);
  },
  jobs: [visitReminderJob(), basesJob()],
  // 一人一档: the care plan and the care records are sealed at rest (platform/crypto.ts)
  sealed: [
    { table: 'hs_special_files', key: ['district_id', 'student_id'], columns: ['goals', 'measures', 'responsible'] },
    { table: 'hs_care_records', key: ['district_id', 'id'], columns: ['content', 'follow_up'] },
  ],
};

export { refreshHomeSchoolBases } from './bases.job';

/** What a family may read of the home visits to its child (when, how, about what; the teachers' notes stay theirs), for the family's download. */
export async function homeSchoolPupilData(q: Queryable, districtId: string, studentId: string) {
  const V = hsVisits;
  const visits = await q
    .select({ date: V.date, mode: V.mode, topics: V.topics, byClassTeacher: V.asClassTeacher })
    .from(V)
    .where(and(eq(V.districtId, districtId), eq(V.studentId, studentId)))
    .orderBy(asc(V.date));
  return { homeVisits: visits };
}
