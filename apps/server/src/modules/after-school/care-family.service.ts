/** What a family sees of lunch and summer care for a child: the school's lunch offer and the child's place, the summer sites within reach and the child's seats. */
import type { CareFamily } from '@shuangjian/contracts';
import { fromDbBigint } from '@shuangjian/policy';
import { and, desc, eq, isNull } from 'drizzle-orm';
import { type Ctx, requirePermission, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { notFound } from '../../platform/errors';
import { studentDirectory } from '../org';
import { afterSchoolLunchEnrolments, afterSchoolLunchOffers, afterSchoolSummerEnrolments } from './care.schema';
import { summerSites } from './care-summer.service';
import { semestersOf, semesterAt } from './semesters';

export async function careFamily(ctx: Ctx, studentId: string): Promise<CareFamily> {
  requirePermission(ctx, 'after-school.family');
  const [child] = await ctx.db
    .select({ id: studentDirectory.id, name: studentDirectory.name, className: studentDirectory.className, schoolId: studentDirectory.schoolId, schoolName: studentDirectory.schoolName })
    .from(studentDirectory)
    .where(and(scoped(ctx, studentDirectory, 'after-school.family'), eq(studentDirectory.id, studentId)));
  if (!child) throw notFound('学生');
  const d = ctx.user.districtId;
  const now = today(ctx);
  const semester = semesterAt(await semestersOf(ctx.db, d), now);
  const O = afterSchoolLunchOffers;
  const L = afterSchoolLunchEnrolments;
  const [offer] = semester ? await ctx.db.select().from(O).where(and(eq(O.districtId, d), eq(O.schoolId, child.schoolId), eq(O.semesterId, semester.id))) : [];
  let lunch: CareFamily['lunch'] = null;
  if (offer) {
    const [e] = await ctx.db
      .select()
      .from(L)
      .where(and(scoped(ctx, L, 'after-school.family'), eq(L.offerId, offer.id), eq(L.studentId, child.id), isNull(L.endedOn)));
    lunch = {
      offer: {
        id: offer.id,
        schoolId: offer.schoolId,
        schoolName: child.schoolName,
        semesterId: offer.semesterId,
        semesterName: semester!.name,
        kitchens: offer.kitchens,
        feeMode: offer.feeMode,
        feeFen: fromDbBigint(offer.feeFen),
        note: offer.note,
        enrolled: 0,
      },
      enrolment: e ? { id: e.id, offerId: e.offerId, studentId: e.studentId, studentName: child.name, className: child.className, kitchen: e.kitchen, startedOn: e.startedOn, endedOn: e.endedOn } : null,
    };
  }
  // the coming summer: this year's until August is over, then next year's
  const { items: sites } = await summerSites(ctx, Number(now.slice(0, 4)) + (now.slice(5, 7) > '08' ? 1 : 0));
  const E = afterSchoolSummerEnrolments;
  const seats = await ctx.db.select().from(E).where(and(eq(E.districtId, d), eq(E.studentId, child.id))).orderBy(desc(E.createdAt));
  return {
    lunch,
    summer: {
      sites: sites.filter((s) => s.kind === 'community' || s.schoolId === child.schoolId),
      enrolments: seats.map((r) => ({
        id: r.id,
        sessionId: r.sessionId,
        studentId: r.studentId,
        studentName: child.name,
        schoolName: child.schoolName,
        status: r.status,
        waiverCode: r.waiverCode,
        grossFen: fromDbBigint(r.grossFen),
        waivedFen: fromDbBigint(r.waivedFen),
        dueFen: fromDbBigint(r.dueFen),
      })),
    },
  };
}
