/**
 * Demo 五项管理 self-checks (runs in demo/five-managements.ts, after the reading part, whose findings are already open
 * items of the schools' self-checks): the semester's checklist published from the default negative list; SY01
 * submitted with one 不符合 item under rectification; CZ01 submitted with its one rectification fixed and closed;
 * CX02 half answered; JN01 not begun. Evidence files are small images; the figures are set from what is written.
 */
import { createHash, randomUUID } from 'node:crypto';
import { FIVE_INDICATORS } from '@shuangjian/contracts';
import { addDays, DEFAULT_SELFCHECK_ITEMS, type LocalDate, rectifyDeadline } from '@shuangjian/policy';
import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import type { Queryable } from '../platform/db';
import { semesterPeriod, setIndicators } from '../platform/indicators';
import { attachments, users } from '../platform/schema';
import { semesters } from '../modules/calendar/schema';
import { fiveSelfcheckAnswers, fiveSelfcheckChecklists, fiveSelfcheckEvents, fiveSelfcheckItems, fiveSelfcheckRectifications, fiveSelfchecks } from '../modules/five-managements/selfcheck.schema';
import { roleAssignments, schools } from '../modules/org/schema';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAAAAABX3VL4AAAADklEQVR4nGNgYGBgYGAAAAAEAAH2FzhVAAAAAElFTkSuQmCC', 'base64');
const KIND = 'five-managements.selfcheck';
/** Morning of a local date in Beijing, as a timestamp. */
const at = (date: LocalDate, hour = 9) => new Date(`${date}T${String(hour - 8).padStart(2, '0')}:00:00Z`);

/** What a school writes when an item complies, by management. */
const PASS_TEXT: Record<string, string> = {
  homework: '各班作业经年级组审核后公示，抽查作业记录本与学生访谈，未发现该情形。',
  sleep: '作息时间表已公示，致家长一封信已发放并在家长会宣讲。',
  phones: '实行手机统一保管，班主任沟通热线已公布，课堂巡查未发现手机。',
  reading: '进校读物经审核登记，图书室每日开放，各班开展读书活动。',
  fitness: '课表开足体育课，大课间 30 分钟，眼保健操上下午各一次，已查课表与活动记录。',
};
const FILE_NAME: Record<string, string> = {
  homework: '作业公示截图.png',
  sleep: '致家长一封信.png',
  phones: '手机保管登记照片.png',
  reading: '图书室开放记录.png',
  fitness: '大课间活动照片.png',
};

export async function seedFiveSelfcheckDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const [semester] = await db
    .select()
    .from(semesters)
    .where(and(eq(semesters.districtId, districtId), sql`${semesters.startDate} <= ${today}`, sql`${semesters.endDate} >= ${today}`));
  if (!semester) return;
  const [officer] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), eq(users.username, 'demo-district')));
  const schoolRows = await db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.districtId, districtId));
  const school = (code: string) => schoolRows.find((s) => s.code === code);
  const heads = await db.select({ schoolId: roleAssignments.schoolId, userId: roleAssignments.userId, name: users.name }).from(roleAssignments)
    .innerJoin(users, and(eq(users.districtId, roleAssignments.districtId), eq(users.id, roleAssignments.userId)))
    .where(and(eq(roleAssignments.districtId, districtId), eq(roleAssignments.role, 'school_admin')));
  if (!officer || !school('SY01')) return;

  const published = addDays(today, -45);
  const checklistId = randomUUID();
  await db.insert(fiveSelfcheckChecklists).values({
    districtId, id: checklistId, semesterId: semester.id, title: `${semester.name}“五项管理”负面清单自查`, status: 'published',
    publishedAt: at(published), publishedBy: officer.id, createdBy: officer.id, createdAt: at(addDays(published, -2)),
  });
  const items = DEFAULT_SELFCHECK_ITEMS.map((i, n) => ({ districtId, id: randomUUID(), checklistId, no: n + 1, ...i }));
  await db.insert(fiveSelfcheckItems).values(items);

  const answers: (typeof fiveSelfcheckAnswers.$inferInsert)[] = [];
  const files: (typeof attachments.$inferInsert)[] = [];
  const rects: (typeof fiveSelfcheckRectifications.$inferInsert)[] = [];
  const events: (typeof fiveSelfcheckEvents.$inferInsert)[] = [];
  const citation = { rule: 'five-managements.selfcheck.rectifyDays', days: 30, policyVersion: null };

  /** A school's self-check: `answered` items, `fail` the 不符合 item's number, submitted on `submitted`. */
  const selfcheck = (code: string, answered: number, fail: { no: number; text: string; responsible: string } | null, submitted: LocalDate | null, on: LocalDate) => {
    const s = school(code);
    const head = heads.find((h) => h.schoolId === s?.id);
    if (!s || !head) return;
    const scId = randomUUID();
    const row = { districtId, id: scId, checklistId, semesterId: semester.id, schoolId: s.id, status: submitted ? ('submitted' as const) : ('draft' as const), submittedAt: submitted ? at(submitted, 16) : null, submittedBy: submitted ? head.userId : null, submittedByName: submitted ? head.name : null, createdAt: at(on) };
    for (const item of items.slice(0, answered)) {
      const failed = fail?.no === item.no;
      const id = randomUUID();
      answers.push({ districtId, id, selfcheckId: scId, itemId: item.id, schoolId: s.id, result: failed ? 'fail' : 'pass', text: failed ? fail.text : PASS_TEXT[item.management]!, responsible: failed ? fail.responsible : null, answeredBy: head.userId, answeredByName: head.name, answeredAt: at(on, 10) });
      if (!failed && item.evidence !== 'text') {
        files.push({ districtId, ownerKind: KIND, ownerId: id, uploadedBy: head.userId, fileName: FILE_NAME[item.management]!, mime: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), data: PNG, createdAt: at(on, 10) });
      }
      if (failed) {
        const rectId = randomUUID();
        rects.push({ districtId, id: rectId, schoolId: s.id, semesterId: semester.id, management: item.management, origin: 'answer', itemId: item.id, answerId: id, title: item.text, detail: fail.text, openedOn: on, deadline: rectifyDeadline(on, 30), citation, responsible: fail.responsible, createdAt: at(on, 10) });
        events.push({ districtId, rectificationId: rectId, schoolId: s.id, kind: 'opened', note: fail.text, deadline: rectifyDeadline(on, 30), byUserId: head.userId, byName: head.name, at: at(on, 10) });
      }
    }
    return row;
  };

  const sy = selfcheck('SY01', items.length, { no: 13, text: '四年级两个班本月有 3 节体育课被语文、数学课占用，课表执行检查不到位。', responsible: '教务处 刘建华' }, addDays(today, -3), addDays(today, -3));
  const cz = selfcheck('CZ01', items.length, { no: 4, text: '八年级数学组布置“错题抄写十遍”的惩罚性作业。', responsible: '教学副校长 何立新' }, addDays(today, -38), addDays(today, -38));
  const cx = selfcheck('CX02', Math.floor(items.length / 2), null, null, addDays(today, -6));
  const rows = [sy, cz, cx].filter((r) => !!r);
  await db.insert(fiveSelfchecks).values(rows);
  await db.insert(fiveSelfcheckAnswers).values(answers);
  if (files.length) await db.insert(attachments).values(files);

  // CZ01's rectification: fixed with evidence, closed by the district
  const czRect = rects.find((r) => r.schoolId === school('CZ01')?.id);
  if (czRect) {
    czRect.status = 'closed';
    const head = heads.find((h) => h.schoolId === czRect.schoolId)!;
    const fileId = randomUUID();
    await db.insert(attachments).values({ districtId, id: fileId, ownerKind: KIND, ownerId: czRect.id!, uploadedBy: head.userId, fileName: '作业设计教研记录.png', mime: 'image/png', size: PNG.length, sha256: createHash('sha256').update(PNG).digest('hex'), data: PNG, createdAt: at(addDays(today, -20)) });
    events.push(
      { districtId, rectificationId: czRect.id!, schoolId: czRect.schoolId, kind: 'fixed', note: '已组织八年级数学组作业设计教研，取消惩罚性作业，作业经备课组长审核后公示。', fileIds: [fileId], byUserId: head.userId, byName: head.name, at: at(addDays(today, -20), 15) },
      { districtId, rectificationId: czRect.id!, schoolId: czRect.schoolId, kind: 'closed', note: '经抽查作业记录，整改到位', byUserId: officer.id, byName: officer.name, at: at(addDays(today, -16), 11) },
    );
  }
  await db.insert(fiveSelfcheckRectifications).values(rects);
  await db.insert(fiveSelfcheckEvents).values(events);

  // deadlines already past (the reading area's earlier findings among them) are overdue, as the hourly job marks them
  const late = await db
    .update(fiveSelfcheckRectifications)
    .set({ overdueAt: sql`now()` })
    .where(and(eq(fiveSelfcheckRectifications.districtId, districtId), eq(fiveSelfcheckRectifications.status, 'open'), lt(fiveSelfcheckRectifications.deadline, today), isNull(fiveSelfcheckRectifications.overdueAt)))
    .returning({ id: fiveSelfcheckRectifications.id, schoolId: fiveSelfcheckRectifications.schoolId, deadline: fiveSelfcheckRectifications.deadline });
  if (late.length)
    await db.insert(fiveSelfcheckEvents).values(late.map((r) => ({ districtId, rectificationId: r.id, schoolId: r.schoolId, kind: 'overdue' as const, note: `整改期限 ${r.deadline} 已过`, deadline: r.deadline, byUserId: null, byName: '系统（整改逾期）' })));

  // figures: answered / items for every school, closed / opened rectifications (the reading area's findings included)
  const period = semesterPeriod(semester.id);
  const opened = await db
    .select({ schoolId: fiveSelfcheckRectifications.schoolId, opened: sql<number>`count(*)::int`, closed: sql<number>`count(*) filter (where ${fiveSelfcheckRectifications.status} = 'closed')::int` })
    .from(fiveSelfcheckRectifications)
    .where(and(eq(fiveSelfcheckRectifications.districtId, districtId), eq(fiveSelfcheckRectifications.semesterId, semester.id)))
    .groupBy(fiveSelfcheckRectifications.schoolId);
  await setIndicators(db, [
    ...schoolRows.map((s) => ({ districtId, indicator: FIVE_INDICATORS.selfcheckAnswered, period, schoolId: s.id, num: answers.filter((a) => a.schoolId === s.id).length, den: items.length })),
    ...opened.map((o) => ({ districtId, indicator: FIVE_INDICATORS.selfcheckRectified, period, schoolId: o.schoolId, num: o.closed, den: o.opened })),
  ]);
}
