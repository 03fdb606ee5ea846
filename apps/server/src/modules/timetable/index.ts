/**
 * The 课程与课表 module's face: class timetables checked against the curriculum plan (timetable.plan), published
 * (晒课表) and public per school, what was taught (巡课) and the 阴阳课表 findings, the district's figures; and, for
 * other modules, the PE periods a class's published timetable holds in a week.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import type { Queryable } from '../../platform/db';
import type { AppModule } from '../../platform/module';
import { planFiguresJob } from './plan-figures.job';
import { registerTimetableRoutes } from './routes';
import { timetablePolicies } from './timetable.policy';
import { versionsInForce } from './timetable.repo';

export const timetableModule: AppModule = {
  name: 'timetable',
  policies: timetablePolicies,
  constraintMessages: {
    timetable_drafts_class_uq: '该班级本学期已有课表草稿',
    timetable_versions_version_uq: '该课表版本已公布，请刷新后再试',
    timetable_patrols_period_uq: '该班这一节已有巡课记录',
    timetable_findings_patrol_uq: '该巡课记录已生成阴阳课表问题',
  },
  routes: (app, deps) => registerTimetableRoutes(app, deps),
  jobs: [planFiguresJob()],
};

/**
 * 体育与健康 periods a week in each class's published timetable in force in the week starting `weekStart` (the
 * version in force on its Friday); classes without one are absent.
 */
export async function timetabledPePeriods(q: Queryable, districtId: string, classIds: readonly string[], weekStart: LocalDate): Promise<Map<string, number>> {
  const versions = await versionsInForce(q, districtId, classIds, addDays(weekStart, 4));
  return new Map([...versions].map(([classId, v]) => [classId, v.pePeriods]));
}
