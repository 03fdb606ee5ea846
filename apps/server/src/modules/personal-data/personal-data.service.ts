/**
 * 个人信息查阅、复制 (PIPL art. 45): a parent downloads everything the platform holds about their child, gathered
 * from each module's face (org, homework, 五项管理, 课后服务, exams and growth, home visits) into one JSON file. Only
 * the child's own guardian account may; any other pupil is 404. Every download is audited.
 */
import { type Ctx } from '../../platform/access';
import { audit } from '../../platform/audit';
import { today } from '../../platform/clock';
import { afterSchoolPupilData } from '../after-school';
import { examsPupilData } from '../exams';
import { fiveManagementsPupilData } from '../five-managements';
import { homeSchoolPupilData } from '../home-school';
import { homeworkPupilData } from '../homework';
import { orgPupilData, ownChild } from '../org';

export async function childDataExport(ctx: Ctx, studentId: string) {
  const child = await ownChild(ctx, studentId);
  const d = ctx.user.districtId;
  const sections = {
    ...(await orgPupilData(ctx, studentId)),
    ...(await homeworkPupilData(ctx.db, d, studentId)),
    ...(await fiveManagementsPupilData(ctx.db, d, studentId)),
    ...(await afterSchoolPupilData(ctx.db, d, studentId)),
    ...(await examsPupilData(ctx.db, d, studentId)),
    ...(await homeSchoolPupilData(ctx.db, d, studentId)),
  };
  const rows = Object.values(sections).reduce((n, list) => n + list.length, 0);
  await audit(ctx.db, ctx.actor, { action: 'student.data_export', entity: 'student', entityId: studentId, after: { sections: Object.keys(sections).length, rows } });
  const body = {
    exportedAt: ctx.now().toISOString(),
    child: { id: child.id, name: child.name, studentNo: child.studentNo, school: child.schoolName, class: child.className, grade: child.grade },
    sections,
  };
  return { data: Buffer.from(JSON.stringify(body, null, 2), 'utf8'), fileName: `${child.name}-个人信息-${today(ctx)}.json`, mime: 'application/json; charset=utf-8' };
}
