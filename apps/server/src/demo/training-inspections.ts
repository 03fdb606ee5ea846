/**
 * Demo training supervision: the inspections area's part (runs after the parts before it in demo/training.ts). A
 * round planned for today in 城东 (demo-inspector, 启明 among the stops), a finished round last month whose visits left
 * an open rectification at 启明 (so demo-institution has one to answer), a closed one, and an overdue one at 捷径; the
 * 年检 results of last year. Standing on the lists is the registry's demo; results here record what they found.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, asc, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db';
import { users } from '../platform/schema';
import { institutions, zones } from '../modules/org/schema';
import {
  trainingAnnualReviews,
  trainingFindingEvents,
  trainingFindings,
  trainingInspectionPhotos,
  trainingInspectionPlans,
  trainingInspectionVisits,
} from '../modules/training/inspections.schema';

/** A 96×72 picture standing in for a photo taken on site (a wall with a green exit sign). */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAGAAAABICAIAAACGBWc0AAAAk0lEQVR42u3aMRGAMBBFwSjCBC5QghJqxKQ4V4mDS5XMBPbmKdj2X4moSioIAAECBAgQIECABAgQIECAAAECJECANgA63nNZgAABApQBtQkHCBAgQIAAAQIECBAgQIAAAQIECBAgQIAAAQIECJDhEBAgQH8H8kAFSIDGQM99KQkQIECAAAECBAiQAAECBAgQoI/VAQUctUnTMQAPAAAAAElFTkSuQmCC',
  'base64',
);

export async function seedTrainingInspectionsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const d = districtId;
  const [inspector] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, d), eq(users.username, 'demo-inspector')));
  const [officer] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, d), eq(users.username, 'demo-district')));
  const [owner] = await db.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, d), eq(users.username, 'demo-institution')));
  if (!inspector || !officer || !owner) return;
  const [east] = await db.select().from(zones).where(eq(zones.districtId, d)).orderBy(asc(zones.name));
  const all = await db.select().from(institutions).where(eq(institutions.districtId, d)).orderBy(asc(institutions.createdAt));
  const byName = (n: string) => all.find((i) => i.name === n)!;
  const qiming = byName('启明文化艺术培训学校');
  const kexue = byName('小科学家科技创新中心');
  const jiejing = byName('捷径升学补习班');
  if (!qiming || !kexue || !jiejing || !east) return;
  const zone = qiming.zoneId;
  const ref = (i: typeof qiming) => ({ id: i.id, name: i.name });
  const who = [{ id: inspector.id, name: inspector.name }];

  await db.insert(trainingInspectionPlans).values({
    districtId: d, zoneId: zone, title: '城东街道校外培训机构例行检查', plannedDate: today, inspectorIds: [inspector.id], inspectors: who, institutions: [ref(qiming), ref(kexue), ref(jiejing)], createdBy: officer.id,
  });
  const past = addDays(today, -30);
  const [plan] = await db
    .insert(trainingInspectionPlans)
    .values({ districtId: d, zoneId: zone, title: '秋季开学专项检查', plannedDate: past, status: 'done', inspectorIds: [inspector.id], inspectors: who, institutions: [ref(qiming), ref(jiejing)], createdBy: officer.id })
    .returning();

  const [photo] = await db
    .insert(trainingInspectionPhotos)
    .values({ districtId: d, uploadedBy: inspector.id, fileName: '消防通道.png', mime: 'image/png', size: PHOTO.length, sha256: 'demo', data: PHOTO })
    .returning({ id: trainingInspectionPhotos.id });
  const [evidence] = await db
    .insert(trainingInspectionPhotos)
    .values({ districtId: d, uploadedBy: owner.id, fileName: '价格公示.png', mime: 'image/png', size: PHOTO.length, sha256: 'demo', data: PHOTO })
    .returning({ id: trainingInspectionPhotos.id });

  const citation = { rule: 'training.handling.rectificationDays' as const, days: 30, policyVersion: null, chosen: false };
  const checklist = (bad: string[]) =>
    ['licence_shown', 'venue_safe', 'staff_certified', 'prices_posted', 'hours_kept', 'materials_filed', 'contract_custody'].map((item) => ({ item, ok: !bad.includes(item) }));
  const at = (date: LocalDate, hour = 10) => new Date(`${date}T0${hour - 8}:00:00Z`);

  const visit = async (inst: typeof qiming, date: LocalDate, bad: string[], summary: string) =>
    (
      await db
        .insert(trainingInspectionVisits)
        .values({ districtId: d, planId: plan!.id, institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, inspectorId: inspector.id, inspectorName: inspector.name, visitDate: date, checklist: checklist(bad), summary })
        .returning({ id: trainingInspectionVisits.id })
    )[0]!.id;
  const finding = async (
    inst: typeof qiming,
    visitId: string,
    date: LocalDate,
    f: { category: (typeof trainingFindings.$inferInsert)['category']; description: string; severity: 'minor' | 'major' | 'severe'; deadline: LocalDate; photoIds?: string[]; status?: 'open' | 'responded' | 'closed'; overdue?: boolean },
  ) => {
    const [row] = await db
      .insert(trainingFindings)
      .values({
        districtId: d, visitId, visitDate: date, institutionId: inst.id, institutionName: inst.name, zoneId: inst.zoneId, inspectorName: inspector.name, category: f.category, description: f.description,
        severity: f.severity, photoIds: f.photoIds ?? [], status: f.status ?? 'open', deadline: f.deadline, citation: f.deadline === addDays(date, 30) ? citation : { ...citation, chosen: true },
        overdueAt: f.overdue ? at(addDays(f.deadline, 1), 9) : null,
      })
      .returning({ id: trainingFindings.id });
    const base = { districtId: d, findingId: row!.id, institutionId: inst.id, zoneId: inst.zoneId };
    await db.insert(trainingFindingEvents).values({ ...base, kind: 'created', note: f.description, photoIds: f.photoIds ?? [], deadline: f.deadline, byUserId: inspector.id, byName: inspector.name, at: at(date) });
    return { id: row!.id, base };
  };

  const v1 = await visit(qiming, past, ['venue_safe', 'prices_posted'], '办学许可证公示，教师资格齐全；消防通道堆放杂物，前台未公示课时单价。');
  await finding(qiming, v1, past, { category: 'venue_safety', description: '二楼消防通道堆放画架和杂物，安全出口指示灯不亮。', severity: 'major', deadline: addDays(today, 10), photoIds: [photo!.id] });
  const closed = await finding(qiming, v1, past, { category: 'prices', description: '前台未公示课程收费标准和每课时单价。', severity: 'minor', deadline: addDays(past, 30), status: 'closed' });
  await db.insert(trainingFindingEvents).values([
    { ...closed.base, kind: 'responded', note: '已在前台和教室门口张贴收费公示，注明每课时单价和退费办法。', photoIds: [evidence!.id], byUserId: owner.id, byName: owner.name, at: at(addDays(past, 5)) },
    { ...closed.base, kind: 'closed', note: '现场复核已公示。', byUserId: inspector.id, byName: inspector.name, at: at(addDays(past, 8)) },
  ]);

  const longAgo = addDays(today, -45);
  const v2 = await visit(jiejing, longAgo, ['licence_shown', 'staff_certified', 'hours_kept', 'contract_custody'], '无办学许可证，周末开展学科类培训，预收费未进托管。');
  const overdue = await finding(jiejing, v2, longAgo, { category: 'licence', description: '无证开展学科类培训，周六上午在读学生 23 人。', severity: 'severe', deadline: addDays(longAgo, 15), overdue: true });
  await db.insert(trainingFindingEvents).values({ ...overdue.base, kind: 'overdue', note: `整改期限 ${addDays(longAgo, 15)} 已过`, deadline: addDays(longAgo, 15), byUserId: null, byName: '系统（整改逾期）', at: at(addDays(longAgo, 16), 9) });

  const lastYear = Number(today.slice(0, 4)) - 1;
  const results: Record<string, { result: 'pass' | 'basic_pass' | 'fail'; notes: string }> = {
    启明文化艺术培训学校: { result: 'pass', notes: '证照齐全，资金全部进托管。' },
    飞跃少儿体育俱乐部: { result: 'pass', notes: '场地安全设施完好。' },
    小科学家科技创新中心: { result: 'pass', notes: '培训材料已全部备案。' },
    博学学科辅导中心: { result: 'basic_pass', notes: '个别教师资格证明材料待补齐，限期整改。' },
    捷径升学补习班: { result: 'fail', notes: '无证办学，违规收取超三个月费用。' },
  };
  await db.insert(trainingAnnualReviews).values(
    all
      .filter((i) => results[i.name])
      .map((i) => ({
        districtId: d, institutionId: i.id, institutionName: i.name, zoneId: i.zoneId, year: lastYear, result: results[i.name]!.result, notes: results[i.name]!.notes,
        effect: { rule: `training.annual.${results[i.name]!.result}`, listStatus: i.listStatus, status: i.status, applied: false },
        decidedBy: officer.id, decidedByName: officer.name, decidedAt: new Date(`${lastYear}-12-20T02:00:00Z`),
      })),
  );
}
