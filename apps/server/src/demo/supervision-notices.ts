/**
 * Demo 督导通知 of the demo district, sent by demo-district: the award of the last published assessment, a warning
 * (警示通报) to 城西第二小学 on its yellow list, answered and accepted, a notice to every school's staff (most have read
 * it), a notice asking every school for a report (one school's reply awaits review, one was returned, one accepted),
 * and a warning to 实验小学 due next week and not yet answered (demo-principal has not opened it). Receipts are resolved by the same audience query as a send.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import type { NoticeKind, Role } from '@shuangjian/contracts';
import { and, desc, eq, sql } from 'drizzle-orm';
import { type Queryable, rowsOf } from '../platform/db';
import { districts, users } from '../platform/schema';
import { audienceMembers, roleHolders } from '../modules/org';
import { schools } from '../modules/org/schema';
import { supervisionAssessments, supervisionNoticeReplies, supervisionNotices } from '../modules/supervision/schema';

const READERS: Role[] = ['district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher', 'institution_admin'];

interface DemoNotice {
  kind: NoticeKind;
  title: string;
  body: string;
  roles: Role[];
  schools: string[];
  /** Days before today it was sent, and the reply due (days from today). */
  sentDaysAgo: number;
  replyDueIn?: number;
  /** Share of recipients who opened it (by a hash of the username, so the same every time). */
  readShare: number;
  /** It follows the last published assessment (its award, its yellow list). */
  followsAssessment?: boolean;
  /** Replies per school code: the state it ends in. */
  replies?: Record<string, 'submitted' | 'accepted' | 'returned'>;
}

const NOTICES: DemoNotice[] = [
  {
    kind: 'award',
    title: '关于表彰 2025—2026 学年“双减”工作先进学校的通报',
    body: '经学期督导考核，示范区第一初级中学作业总量控制、课后服务质量等指标位列全区第一，现予通报表彰。\n\n希望各校对照先进学校的做法，完善作业公示和校内课后服务，持续巩固“双减”成果。',
    roles: ['school_admin', 'inspector'],
    schools: [],
    sentDaysAgo: 30,
    readShare: 0.9,
    followsAssessment: true,
  },
  {
    kind: 'warning',
    title: '关于城西第二小学列入督导考核黄牌名单的警示通报',
    body: '上学期督导考核中，城西第二小学总分低于黄牌线，列入黄牌名单，其中课后服务教师参与率仅为 41%，低于全区平均水平。请学校于期限内说明原因并报送整改方案，明确轮值安排与弹性上下班措施。',
    roles: ['school_admin'],
    schools: ['CX02'],
    sentDaysAgo: 20,
    replyDueIn: -10,
    readShare: 1,
    followsAssessment: true,
    replies: { CX02: 'accepted' },
  },
  {
    kind: 'notice',
    title: '关于开展 2026 年秋季学期“双减”工作专项督导的通知',
    body: '各学校、各学区：\n\n根据市教育局工作部署，区教育督导室将于 12 月上旬开展“双减”工作专项督导，重点检查作业总量控制、课后服务、五项管理和家校协同落实情况。请各校提前做好自查，督导期间安排专人配合。\n\n附：督导日程另行通知。',
    roles: [],
    schools: [],
    sentDaysAgo: 8,
    readShare: 0.62,
  },
  {
    kind: 'notice',
    title: '关于报送课后服务开展情况的通知',
    body: '请各校报送本学期课后服务开展情况：参与学生数与比例、参与教师数、服务时段与内容安排、收费及经费使用情况。',
    roles: ['school_admin'],
    schools: [],
    sentDaysAgo: 6,
    replyDueIn: 3,
    readShare: 0.75,
    replies: { CX02: 'submitted', CZ01: 'returned', JN01: 'accepted' },
  },
  {
    kind: 'warning',
    title: '关于示范区实验小学作业时长超标问题的警示通报',
    body: '近两周家长反馈数据显示，示范区实验小学三、四年级多个班级书面作业时长超过每日 60 分钟上限，超标班级日占比达 18%。请学校于回复期限前查明原因，报送整改措施（作业统筹、年级组审核、分层作业设计等）。',
    roles: ['school_admin'],
    schools: ['SY01'],
    sentDaysAgo: 1,
    replyDueIn: 7,
    readShare: 0,
  },
];

const REPLY_TEXT: Record<'submitted' | 'accepted' | 'returned', string> = {
  submitted: '本学期参与课后服务学生 1046 人（占 93.2%），参与教师 88 人；每天下午 15:40—17:50 开展作业辅导和社团活动，收费按区定标准执行，经费专账管理。',
  accepted: '学校已召开专题会议，调整课后服务轮值安排，实行弹性上下班，教师参与率已提高到 86%。整改方案见附件。',
  returned: '本学期课后服务运行平稳，学生参与积极。',
};

export async function seedSupervisionNoticesDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const [district] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  const tz = district!.tz;
  const [sender] = await db.select({ id: users.id }).from(users).where(and(eq(users.districtId, districtId), eq(users.username, 'demo-district')));
  const schoolRows = await db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.districtId, districtId));
  const schoolId = (code: string) => schoolRows.find((s) => s.code === code)!.id;
  const [published] = await db
    .select({ id: supervisionAssessments.id })
    .from(supervisionAssessments)
    .where(and(eq(supervisionAssessments.districtId, districtId), eq(supervisionAssessments.status, 'published')))
    .orderBy(desc(supervisionAssessments.closeDate))
    .limit(1);
  const at = (date: LocalDate, time: string) => sql`((${date}::date + ${time}::time) at time zone ${tz})`;

  for (const n of NOTICES) {
    const sentOn = addDays(today, -n.sentDaysAgo);
    const schoolIds = n.schools.map(schoolId);
    const [notice] = await db
      .insert(supervisionNotices)
      .values({
        districtId,
        kind: n.kind,
        title: n.title,
        body: n.body,
        audienceRoles: n.roles,
        audienceSchoolIds: schoolIds,
        replyRequired: n.replyDueIn !== undefined,
        replyDue: n.replyDueIn === undefined ? null : addDays(today, n.replyDueIn),
        assessmentId: n.followsAssessment ? (published?.id ?? null) : null,
        sentBy: sender!.id,
        sentAt: sql`${at(sentOn, '09:30')}`,
      })
      .returning({ id: supervisionNotices.id });
    const id = notice!.id;
    const [reached] = await rowsOf<{ n: number }>(
      db,
      sql`with r as (
          insert into supervision_notice_receipts (district_id, notice_id, user_id, school_id, delivered_at, read_at)
          select ${districtId}::uuid, ${id}::uuid, m.user_id, m.school_id, ${at(sentOn, '09:30')},
            case when abs(hashtext(u.username || ${n.title})) / 2147483648.0 < ${n.readShare}
              then ${at(sentOn, '09:30')} + (abs(hashtext(u.username)) % 72) * interval '1 hour' end
          from ${audienceMembers(districtId, { roles: n.roles.length ? n.roles : READERS, schoolIds, zoneIds: [] })} m
          join users u on u.district_id = ${districtId} and u.id = m.user_id
          where m.user_id <> ${sender!.id}::uuid
          returning 1)
        select count(*)::int as n from r`,
    );
    await db.execute(sql`update supervision_notices set recipients = ${reached!.n} where district_id = ${districtId} and id = ${id}`);
    for (const [code, state] of Object.entries(n.replies ?? {})) {
      const school = schoolId(code);
      const [admin] = await roleHolders(db, districtId, 'school_admin', { schoolId: school });
      if (!admin) continue;
      const repliedOn = addDays(sentOn, 2);
      // the school admin has read what they answered
      await db.execute(
        sql`update supervision_notice_receipts set read_at = coalesce(read_at, ${at(sentOn, '10:15')}) where district_id = ${districtId} and notice_id = ${id} and user_id = ${admin}`,
      );
      await db.insert(supervisionNoticeReplies).values({
        districtId,
        noticeId: id,
        schoolId: school,
        body: REPLY_TEXT[state],
        status: state,
        repliedBy: admin,
        repliedAt: sql`${at(repliedOn, '14:20')}`,
        reviewNote: state === 'returned' ? '请补充参与学生和教师的具体人数、收费标准及经费使用情况后重新报送。' : state === 'accepted' ? '整改措施具体可行，予以采纳。' : null,
        reviewedBy: state === 'submitted' ? null : sender!.id,
        reviewedAt: state === 'submitted' ? null : sql`${at(addDays(repliedOn, 1), '16:00')}`,
      });
    }
  }
}
