/**
 * Demo training supervision: the alerts area's part (runs last in demo/training.ts). 博学学科辅导中心 was suspended five
 * days ago (the registry's part); six families had bought its maths package a month before, lessons ran until the
 * suspension, five families asked for their money back since, and one more lesson was held two days ago regardless.
 * The rollup then raises a refund burst and activity while suspended; the refund case goes to 城西学区's inspector with
 * a first note, so the case list shows each stage. Every fen moves through the ledger's `post`.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { refreshTrainingStats } from '../modules/training';
import { STANDARD_CONTRACT } from '../modules/training/custody-contract';
import { accountFor, clearingAccount, post, releasedAccount } from '../modules/training/ledger';
import { rowsOf, type Queryable } from '../platform/db';

function demoId(label: string): string {
  const h = createHash('sha1').update(`training-alerts:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
const at = (date: LocalDate, time: string) => new Date(`${date}T${time}:00+08:00`);

async function seedBoxueRun(db: Queryable, d: string, today: LocalDate) {
  const [pkg] = await rowsOf<{ id: string; courseId: string; institutionId: string; zoneId: string; lessons: number; months: number; priceFen: number }>(
    db,
    sql`select p.id, p.course_id as "courseId", p.institution_id as "institutionId", p.zone_id as "zoneId", p.lessons, p.months, p.price_fen::float8 as "priceFen"
      from training_packages p join institutions i on i.district_id = p.district_id and i.id = p.institution_id
      where p.district_id = ${d} and i.name = '博学学科辅导中心' and i.status = 'suspended' order by p.name limit 1`,
  );
  const families = await rowsOf<{ userId: string; studentId: string }>(
    db,
    sql`select distinct on (u.id) u.id as "userId", l.student_id as "studentId"
      from users u join guardians g on g.district_id = u.district_id and g.user_id = u.id
      join guardian_links l on l.district_id = g.district_id and l.guardian_id = g.id
      where u.district_id = ${d} and u.username like 'demo-family-%' order by u.id, l.student_id limit 6`,
  );
  if (!pkg || families.length < 6) return;
  const parents = await clearingAccount(db, d, 'parents');
  const released = await releasedAccount(db, d, pkg.institutionId);
  const perLesson = Math.floor(pkg.priceFen / pkg.lessons);
  const bought = addDays(today, -33);
  // weekday lessons before the suspension (5 days ago), and one held two days ago although suspended
  const lessonDays = [30, 26, 23, 19, 16, 12, 9, 2];
  const lessonIds = new Map<number, string>();
  for (const daysAgo of lessonDays) {
    const id = demoId(`lesson:${daysAgo}`);
    const date = addDays(today, -daysAgo);
    lessonIds.set(daysAgo, id);
    await db.execute(sql`insert into training_lessons (district_id, id, institution_id, zone_id, course_id, date, start_time, end_time, mode, teacher_name, created_at)
      values (${d}, ${id}, ${pkg.institutionId}, ${pkg.zoneId}, ${pkg.courseId}, ${date}, '18:00', '18:45', 'offline', '陈思远', ${at(date, '18:50').toISOString()}::timestamptz)`);
  }
  for (const [k, f] of families.entries()) {
    const orderId = demoId(`order:${k}`);
    const accountId = await accountFor(db, d, { kind: 'order', institutionId: pkg.institutionId, orderId });
    const taken = lessonDays.filter((x) => x > 5 || k === 0); // the first family's child came to the lesson after the suspension too
    const refund = k > 0 ? addDays(today, -[4, 3, 3, 2, 1][k - 1]!) : null;
    await db.execute(sql`insert into training_orders (district_id, id, code, institution_id, zone_id, course_id, package_id, student_id, guardian_user_id,
        lessons, lessons_left, price_fen, price_per_lesson_fen, status, contract_version, contract_hash, contract_accepted_at, custody_mode, valid_until,
        account_id, created_at, updated_at)
      values (${d}, ${orderId}, ${`PX${bought.replaceAll('-', '').slice(2)}${orderId.slice(0, 6).toUpperCase()}`}, ${pkg.institutionId}, ${pkg.zoneId},
        ${pkg.courseId}, ${pkg.id}, ${f.studentId}, ${f.userId}, ${pkg.lessons}, ${pkg.lessons - taken.length}, ${pkg.priceFen}, ${perLesson},
        ${refund ? 'refunded' : 'active'}, ${STANDARD_CONTRACT.version}, ${STANDARD_CONTRACT.sha256}, ${at(bought, '20:00').toISOString()}::timestamptz,
        'custody', ${addDays(bought, pkg.months * 30)}, ${accountId}, ${at(bought, '20:00').toISOString()}::timestamptz, ${at(bought, '20:00').toISOString()}::timestamptz)`);
    await post(db, { districtId: d, key: `purchase:${orderId}`, kind: 'purchase', debitAccountId: parents, creditAccountId: accountId, amountFen: pkg.priceFen,
      institutionId: pkg.institutionId, orderId, sourceId: orderId, note: '博学学科辅导中心 · 初中数学小班', actor: f.userId, at: at(bought, '20:00') });
    for (const daysAgo of taken) {
      const id = demoId(`consumption:${k}:${daysAgo}`);
      const date = addDays(today, -daysAgo);
      const confirmed = at(date, '21:00');
      await db.execute(sql`insert into training_consumptions (district_id, id, lesson_id, order_id, institution_id, zone_id, student_id, amount_fen, status, created_at, confirmed_at, confirmed_by)
        values (${d}, ${id}, ${lessonIds.get(daysAgo)!}, ${orderId}, ${pkg.institutionId}, ${pkg.zoneId}, ${f.studentId}, ${perLesson}, 'confirmed',
          ${at(date, '18:50').toISOString()}::timestamptz, ${confirmed.toISOString()}::timestamptz, ${f.userId})`);
      const { transfer } = await post(db, { districtId: d, key: `consume:${id}`, kind: 'consume', debitAccountId: accountId, creditAccountId: released, amountFen: perLesson,
        institutionId: pkg.institutionId, orderId, sourceId: id, actor: f.userId, at: confirmed });
      await db.execute(sql`update training_consumptions set transfer_id = ${transfer.id} where district_id = ${d} and id = ${id}`);
    }
    if (refund) {
      const id = demoId(`refund:${k}`);
      await db.execute(sql`insert into training_refunds (district_id, id, order_id, institution_id, zone_id, student_id, amount_fen, reason, status, deadline, created_at, requested_by)
        values (${d}, ${id}, ${orderId}, ${pkg.institutionId}, ${pkg.zoneId}, ${f.studentId}, ${pkg.priceFen - perLesson * taken.length},
          '机构被暂停，申请退还剩余课时费', 'requested', ${addDays(refund, 7)}, ${at(refund, '09:30').toISOString()}::timestamptz, ${f.userId})`);
    }
  }
}

export async function seedTrainingAlertsDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  await seedBoxueRun(db, districtId, today);
  await refreshTrainingStats(db, districtId, today);
  // one case under way: 城西学区's refund burst goes to its inspector (郑国强), with the first step noted
  const [alert] = await rowsOf<{ id: string; zone_id: string; institution_id: string }>(
    db,
    sql`select a.id, a.zone_id, a.institution_id from training_alerts a join zones z on z.district_id = a.district_id and z.id = a.zone_id
        where a.district_id = ${districtId} and a.status = 'open' and z.name = '城西学区' order by a.kind = 'refund_burst' desc, a.opened_at limit 1`,
  );
  const [inspector] = await rowsOf<{ id: string; name: string }>(db, sql`select id, name from users where district_id = ${districtId} and username = 'zone-inspector'`);
  if (!alert || !inspector) return;
  await db.execute(sql`update training_alerts set status = 'assigned', assignee_id = ${inspector.id}, assigned_at = ${at(today, '09:00').toISOString()}::timestamptz
    where district_id = ${districtId} and id = ${alert.id}`);
  await db.execute(sql`insert into training_alert_notes (district_id, alert_id, zone_id, institution_id, author_id, author_name, text, created_at)
    values (${districtId}, ${alert.id}, ${alert.zone_id}, ${alert.institution_id}, ${inspector.id}, ${inspector.name},
      '已电话联系机构负责人陈博，要求三个工作日内办理退费并报送退费台账。', ${at(today, '10:30').toISOString()}::timestamptz)`);
}
