/**
 * 三单公开: a school's public after-school page, read without signing in: the service timetable of the plan in force,
 * the course list with providers and prices, the fee standard, and today's published homework lists.
 */
import type { PublicSchoolPage, ServicePlan } from '@shuangjian/contracts';
import { todayIn } from '@shuangjian/policy';
import { and, desc, eq } from 'drizzle-orm';
import { atOnce, type Queryable } from '../../platform/db';
import { notFound } from '../../platform/errors';
import { districts } from '../../platform/schema';
import { publishedListsOfSchool } from '../homework';
import { schoolDirectory } from '../org';
import { catalogue } from './plan.repo';
import { afterSchoolPlans } from './schema';
import { semesterAt, semestersOf } from '../calendar';

export async function publicSchoolPage(db: Queryable, schoolId: string, now: Date): Promise<PublicSchoolPage> {
  const [school] = await db
    .select({ districtId: schoolDirectory.districtId, id: schoolDirectory.id, name: schoolDirectory.name, timeZone: districts.timezone })
    .from(schoolDirectory)
    .innerJoin(districts, eq(districts.id, schoolDirectory.districtId))
    .where(eq(schoolDirectory.id, schoolId));
  if (!school) throw notFound('学校');
  const date = todayIn(school.timeZone, now);
  const semester = semesterAt(await semestersOf(db, school.districtId), date);
  const [plan] = semester
    ? await db
        .select()
        .from(afterSchoolPlans)
        .where(
          and(
            eq(afterSchoolPlans.districtId, school.districtId),
            eq(afterSchoolPlans.schoolId, school.id),
            eq(afterSchoolPlans.semesterId, semester.id),
            eq(afterSchoolPlans.status, 'approved'),
          ),
        )
        .orderBy(desc(afterSchoolPlans.version))
        .limit(1)
    : [];
  const [courses, homework] = await atOnce(db,
    () => plan ? catalogue(db, school.districtId, school.id, plan.semesterId, true) : Promise.resolve([]),
    () => publishedListsOfSchool(db, school.districtId, school.id, date),
  );
  const body = plan?.body as ServicePlan | undefined;
  return {
    schoolName: school.name,
    date,
    plan: plan && body
      ? { version: plan.version, weekdays: body.weekdays, periods: body.periods, fees: body.fees, pickupPlan: body.pickupPlan, principles: body.principles }
      : null,
    courses: courses.map(({ name, category, grades, weekdays, startTime, endTime, room, staffing, providerName, pricePerLessonFen, capacity }) => ({
      name, category, grades, weekdays, startTime, endTime, room, staffing, providerName, pricePerLessonFen, capacity,
    })),
    homework,
  };
}
