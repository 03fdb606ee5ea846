/**
 * Demo training supervision: the complaints area's part (runs after the parts before it in demo/training.ts). Eight
 * tickets in every status across the institutions: two about 捷径升学补习班, one filed by demo-parent, one overdue
 * (investigating past its deadline), one answered, one closed, one naming an unregistered institution.
 */
import type { ComplaintCategory, ComplaintStatus } from '@shuangjian/contracts';
import { addDays, type LocalDate } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import type { Queryable } from '../platform/db';
import { users } from '../platform/schema';
import { institutions, zones } from '../modules/org/schema';
import { answerDeadline, deadlineFor, newTicketCode } from '../modules/training/complaints.repo';
import { trainingComplaintEvents, trainingComplaints } from '../modules/training/complaints.schema';

interface Ticket {
  institution: string;
  free?: boolean;
  category: ComplaintCategory;
  daysAgo: number;
  status: ComplaintStatus;
  zone?: 0 | 1;
  handler?: string;
  parent?: boolean;
  phone: string;
  description: string;
  answer?: string;
  answeredDaysAgo?: number;
}

const TICKETS: Ticket[] = [
  { institution: '捷径升学补习班', category: 'subject_violation', daysAgo: 2, status: 'received', phone: '13900001111', description: '周六上午在城东商业街二楼开设初二数学、英语培训班，约 30 名学生，门口有人发传单招生。' },
  { institution: '阳光英语小课堂（金桂苑小区内）', free: true, category: 'unlicensed', daysAgo: 0, status: 'received', phone: '13900002222', description: '小区 3 栋一楼住户家中每天晚上办英语辅导班，没有看到任何办学许可证，楼道里很多孩子进出。' },
  { institution: '捷径升学补习班', category: 'prepay_over_limit', daysAgo: 5, status: 'assigned', zone: 0, phone: '13900003333', description: '要求一次性交一年 120 节课的学费 18000 元，说不交就没有名额，交完不给收据。' },
  { institution: '博学学科辅导中心', category: 'overcharge', daysAgo: 6, status: 'investigating', zone: 1, handler: 'zone-inspector', parent: true, phone: '13800000000', description: '孩子报的数学课 45 分钟收费 80 元，明显超过区里公布的收费标准，小班也不到 10 人。' },
  { institution: '小科学家科技创新中心', category: 'safety', daysAgo: 30, status: 'investigating', zone: 0, handler: 'demo-inspector', phone: '13900004444', description: '机器人教室在地下室，只有一个出口，消防通道堆满了纸箱，灭火器过期。' },
  { institution: '启明文化艺术培训学校', category: 'refund', daysAgo: 12, status: 'answered', zone: 0, handler: 'demo-district', phone: '13900005555', description: '孩子搬家后申请退还剩余 10 节舞蹈课费用，机构一直拖着不办理。', answer: '经核查，机构已同意按剩余 10 节课退费 1200 元，款项由托管账户原路退回，请留意到账。', answeredDaysAgo: 3 },
  { institution: '飞跃少儿体育俱乐部', category: 'false_ads', daysAgo: 40, status: 'closed', zone: 1, handler: 'zone-inspector', phone: '13900006666', description: '宣传单写“保证考级通过，不过全额退款”，实际报名后说不包退。', answer: '已约谈机构负责人，责令撤下不实宣传材料并书面整改，机构已承诺按宣传内容履约。', answeredDaysAgo: 30 },
  { institution: '飞跃少儿体育俱乐部', category: 'other', daysAgo: 3, status: 'assigned', zone: 1, phone: '13900007777', description: '晚上 21 点以后还在上篮球课，孩子回家太晚，影响休息。' },
];

const ORDER: ComplaintStatus[] = ['received', 'assigned', 'investigating', 'answered', 'closed'];

export async function seedTrainingComplaintsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  // one after another: the demo loads in one transaction, whose connection runs one statement at a time
  const insts = await db.select({ id: institutions.id, name: institutions.name }).from(institutions).where(eq(institutions.districtId, districtId));
  const zoneRows = await db.select({ id: zones.id, name: zones.name }).from(zones).where(eq(zones.districtId, districtId)).orderBy(zones.createdAt, zones.name);
  const people = await db
    .select({ id: users.id, username: users.username, name: users.name, phone: users.phone })
    .from(users)
    .where(and(eq(users.districtId, districtId), inArray(users.username, ['demo-district', 'demo-inspector', 'zone-inspector', 'demo-parent'])));
  const institution = new Map(insts.map((i) => [i.name, i.id]));
  const person = new Map(people.map((p) => [p.username, p]));
  const zoneOf = (i: 0 | 1) => zoneRows.find((z) => (i === 0 ? z.name.startsWith('城东') : z.name.startsWith('城西')))?.id ?? zoneRows[i]!.id;
  const district = person.get('demo-district')!;
  const at = (date: LocalDate, hour: number) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`);

  for (const t of TICKETS) {
    const receivedOn = addDays(today, -t.daysAgo);
    const { answerDays, policyVersion } = await deadlineFor(db, districtId, receivedOn);
    const deadline = await answerDeadline(db, districtId, receivedOn, answerDays);
    const handler = t.handler ? person.get(t.handler)! : null;
    const parent = t.parent ? person.get('demo-parent')! : null;
    const answeredOn = t.answeredDaysAgo !== undefined ? addDays(today, -t.answeredDaysAgo) : null;
    const [row] = await db
      .insert(trainingComplaints)
      .values({
        districtId,
        code: newTicketCode(),
        channel: parent ? 'parent' : 'public',
        category: t.category,
        institutionId: t.free ? null : (institution.get(t.institution) ?? null),
        institutionName: t.institution,
        description: t.description,
        replyPhone: parent?.phone ?? t.phone,
        filedBy: parent?.id ?? null,
        zoneId: t.zone === undefined ? null : zoneOf(t.zone),
        status: t.status,
        handlerId: handler?.id ?? null,
        receivedOn,
        deadline,
        answerDays,
        policyVersion,
        answer: t.answer ?? null,
        answeredOn,
        answeredAt: answeredOn ? at(answeredOn, 16) : null,
        answeredBy: answeredOn ? handler?.id : null,
        closedAt: t.status === 'closed' && answeredOn ? at(addDays(answeredOn, 2), 10) : null,
        createdAt: at(receivedOn, 9),
        updatedAt: at(receivedOn, 9),
      })
      .returning();
    // the timeline up to the ticket's status: filed, assigned the next day, investigated the day after, answered, closed
    const steps = ORDER.slice(0, ORDER.indexOf(t.status) + 1);
    await db.insert(trainingComplaintEvents).values(
      steps.map((status, i) => {
        const date = status === 'answered' ? answeredOn! : status === 'closed' ? addDays(answeredOn!, 2) : addDays(receivedOn, Math.min(i, t.daysAgo));
        const actor = status === 'received' ? (parent ?? null) : status === 'assigned' ? district : (handler ?? district);
        const note = status === 'assigned' ? '请所在学区核查' : status === 'investigating' ? '已联系机构，安排现场核查' : status === 'closed' ? '举报人无异议，办结' : null;
        return { districtId, complaintId: row!.id, status, note, actorId: actor?.id ?? null, actorName: actor?.name ?? null, at: at(date, 10 + i) };
      }),
    );
  }
}
