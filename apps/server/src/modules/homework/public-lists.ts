/**
 * 每日作业清单 for a school's public page (三单公开): each class's latest published list of a day, without teachers'
 * names or attachments. Read by the after-school module through index.ts.
 */
import type { LocalDate } from '@shuangjian/policy';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Queryable } from '../../platform/db';
import { classDirectory } from '../org';
import { homeworkPublished } from './schema';

export interface PublicClassList {
  className: string;
  grade: number;
  items: { subjectName: string; content: string; minutes: number; place: string; layer: string }[];
}

export async function publishedListsOfSchool(q: Queryable, districtId: string, schoolId: string, date: LocalDate): Promise<PublicClassList[]> {
  const rows = await q
    .select({ className: classDirectory.name, grade: homeworkPublished.grade, items: homeworkPublished.items })
    .from(homeworkPublished)
    .innerJoin(classDirectory, and(eq(classDirectory.districtId, homeworkPublished.districtId), eq(classDirectory.id, homeworkPublished.classId)))
    .where(
      and(
        eq(homeworkPublished.districtId, districtId),
        eq(homeworkPublished.schoolId, schoolId),
        eq(homeworkPublished.date, date),
        // the latest version of each class's list
        sql`${homeworkPublished.version} = (select max(p.version) from homework_published p where p.district_id = ${homeworkPublished.districtId} and p.class_id = ${homeworkPublished.classId} and p.date = ${homeworkPublished.date})`,
      ),
    )
    .orderBy(asc(homeworkPublished.grade), asc(classDirectory.name));
  return rows.map((r) => ({
    className: r.className,
    grade: r.grade,
    items: (r.items as { subjectName: string; content: string; minutes: number; place: string; layer: string }[]).map((i) => ({
      subjectName: i.subjectName,
      content: i.content,
      minutes: i.minutes,
      place: i.place,
      layer: i.layer,
    })),
  }));
}
