/**
 * Demo training supervision: the custody area's part (runs after the registry's part in demo/training.ts). demo-parent
 * bought 启明's 少儿国画 for 张小明 three weeks ago (four lessons released, one waiting for the parent to confirm) and
 * 飞跃's 篮球 six weeks ago (three lessons, then a refund of the rest, paid); eight other families bought packages of 启明
 * and 飞跃 with lessons taken, one of them waiting past the deadline for a refund; 小科学家 (deposit mode) paid its risk
 * deposit. Every fen moves through the ledger's `post`. Deterministic: ids from labels, dates from `today`.
 */
import { addDays, type LocalDate } from '@shuangjian/policy';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { STANDARD_CONTRACT } from '../modules/training/custody-contract';
import { accountFor, clearingAccount, depositAccount, post, releasedAccount } from '../modules/training/ledger';
import { rowsOf, type Queryable } from '../platform/db';

/** A stable UUID (v5-shaped) from a label: the same demo gets the same ids. */
function demoId(label: string): string {
  const h = createHash('sha1').update(`training-custody:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16)}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}
const at = (date: LocalDate, time: string) => new Date(`${date}T${time}:00+08:00`);

interface Pkg { id: string; name: string; courseId: string; courseName: string; institutionId: string; institutionName: string; zoneId: string; lessons: number; months: number; priceFen: number; custodyMode: 'custody' | 'deposit' }
interface Plan {
  label: string;
  studentId: string;
  guardianUserId: string;
  pkg: Pkg;
  boughtDaysAgo: number;
  /** Lessons taken, days ago, with how each ended. */
  lessons: { daysAgo: number; status: 'confirmed' | 'auto_confirmed' | 'pending' }[];
  refund?: { daysAgo: number; reason: string; paidDaysAgo: number | null; deadlineDays: number };
}

export async function seedTrainingCustodyDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const d = districtId;
  const pkgs = await rowsOf<Pkg>(
    db,
    sql`select p.id, p.name, p.course_id as "courseId", c.name as "courseName", p.institution_id as "institutionId", i.name as "institutionName",
        p.zone_id as "zoneId", p.lessons, p.months, p.price_fen::float8 as "priceFen", coalesce(pr.custody_mode, 'custody') as "custodyMode"
      from training_packages p join training_courses c on c.district_id = p.district_id and c.id = p.course_id
      join institutions i on i.district_id = p.district_id and i.id = p.institution_id
      left join training_profiles pr on pr.district_id = p.district_id and pr.institution_id = p.institution_id
      where p.district_id = ${d} and p.status = 'approved' and i.status = 'active' order by i.name, p.name`,
  );
  const byName = (n: string) => pkgs.find((p) => p.name.startsWith(n));
  const guohua = byName('少儿国画');
  const shufa = byName('书法');
  const lanqiu = byName('篮球');
  if (!guohua || !shufa || !lanqiu) return; // the registry's demo packages are missing: nothing to buy
  const users = new Map((await rowsOf<{ username: string; id: string }>(db, sql`select username, id from users where district_id = ${d} and username in ('demo-parent', 'demo-district')`)).map((u) => [u.username, u.id]));
  const parentUser = users.get('demo-parent')!;
  const officer = users.get('demo-district')!;
  const [xiaoming] = await rowsOf<{ id: string }>(db, sql`select id from students where district_id = ${d} and name = '张小明'`);
  if (!xiaoming) return;
  // eight other families of the demo schools, each with a guardian account (disabled for sign-in: demo figures only)
  const others = await rowsOf<{ id: string; studentNo: string; guardianName: string; guardianId: string }>(
    db,
    sql`select distinct on (s.student_no) s.id, s.student_no as "studentNo", g.name as "guardianName", g.id as "guardianId"
      from students s join guardian_links l on l.district_id = s.district_id and l.student_id = s.id
      join guardians g on g.district_id = l.district_id and g.id = l.guardian_id
      where s.district_id = ${d} and s.id <> ${xiaoming.id} and s.status = 'active' order by s.student_no, g.name limit 8`,
  );
  const guardianUsers: string[] = [];
  for (const o of others) {
    const id = demoId(`guardian:${o.guardianId}`);
    await db.execute(sql`insert into users (district_id, id, username, name, password_hash, must_change_password, status)
      values (${d}, ${id}, ${`demo-family-${o.studentNo}`.toLowerCase()}, ${o.guardianName}, '!', true, 'disabled') on conflict do nothing`);
    await db.execute(sql`update guardians set user_id = ${id} where district_id = ${d} and id = ${o.guardianId} and user_id is null`);
    guardianUsers.push(id);
  }

  const c = (daysAgo: number, status: 'confirmed' | 'auto_confirmed' | 'pending' = 'confirmed') => ({ daysAgo, status });
  const plans: Plan[] = [
    { label: 'xm-guohua', studentId: xiaoming.id, guardianUserId: parentUser, pkg: guohua, boughtDaysAgo: 21, lessons: [c(20), c(17, 'auto_confirmed'), c(13), c(6), c(1, 'pending')] },
    { label: 'xm-lanqiu', studentId: xiaoming.id, guardianUserId: parentUser, pkg: lanqiu, boughtDaysAgo: 45, lessons: [c(44), c(37), c(30)], refund: { daysAgo: 10, reason: '孩子课业安排调整，不再参加篮球训练', paidDaysAgo: 7, deadlineDays: 7 } },
    ...others.map((o, k): Plan => {
      const pkg = [guohua, shufa, lanqiu][k % 3]!;
      const taken = [6, 3, 9, 2, 5, 8, 4, 7][k]!;
      const lessons = Array.from({ length: taken }, (_, j) => c(3 + (taken - j) * 3, j % 4 === 3 ? 'auto_confirmed' : 'confirmed'));
      const refund = k === 4 ? { daysAgo: 12, reason: '家庭搬迁，申请退还剩余课时费', paidDaysAgo: null, deadlineDays: 7 } : undefined;
      return { label: `family-${o.studentNo}`, studentId: o.id, guardianUserId: guardianUsers[k]!, pkg, boughtDaysAgo: 3 + taken * 3 + 2, lessons, ...(refund ? { refund } : {}) };
    }),
  ];

  const parents = await clearingAccount(db, d, 'parents');
  const refundsAccount = await clearingAccount(db, d, 'refunds');
  const lessonIds = new Map<string, string>();
  for (const p of plans) {
    const orderId = demoId(`order:${p.label}`);
    const bought = addDays(today, -p.boughtDaysAgo);
    const accountId = await accountFor(db, d, { kind: 'order', institutionId: p.pkg.institutionId, orderId });
    const released = await releasedAccount(db, d, p.pkg.institutionId);
    const perLesson = Math.floor(p.pkg.priceFen / p.pkg.lessons);
    const left = p.pkg.lessons - p.lessons.length;
    const validUntil = addDays(bought, p.pkg.months * 30);
    await db.execute(sql`insert into training_orders (district_id, id, code, institution_id, zone_id, course_id, package_id, student_id, guardian_user_id,
        lessons, lessons_left, price_fen, price_per_lesson_fen, status, contract_version, contract_hash, contract_accepted_at, custody_mode, valid_until,
        account_id, created_at, updated_at)
      values (${d}, ${orderId}, ${`PX${bought.replaceAll('-', '').slice(2)}${orderId.slice(0, 6).toUpperCase()}`}, ${p.pkg.institutionId}, ${p.pkg.zoneId},
        ${p.pkg.courseId}, ${p.pkg.id}, ${p.studentId}, ${p.guardianUserId}, ${p.pkg.lessons}, ${left}, ${p.pkg.priceFen}, ${perLesson},
        ${p.refund ? 'refunded' : 'active'}, ${STANDARD_CONTRACT.version}, ${STANDARD_CONTRACT.sha256}, ${at(bought, '19:30').toISOString()}::timestamptz,
        ${p.pkg.custodyMode}, ${validUntil}, ${accountId}, ${at(bought, '19:30').toISOString()}::timestamptz, ${at(bought, '19:30').toISOString()}::timestamptz)`);
    await post(db, { districtId: d, key: `purchase:${orderId}`, kind: 'purchase', debitAccountId: parents, creditAccountId: accountId, amountFen: p.pkg.priceFen,
      institutionId: p.pkg.institutionId, orderId, sourceId: orderId, note: `${p.pkg.institutionName} · ${p.pkg.courseName} · ${p.pkg.name}`, actor: p.guardianUserId, at: at(bought, '19:30') });

    for (const [j, l] of p.lessons.entries()) {
      const date = addDays(today, -l.daysAgo);
      const key = `${p.pkg.courseId}:${date}`;
      let lessonId = lessonIds.get(key);
      if (!lessonId) {
        lessonId = demoId(`lesson:${key}`);
        lessonIds.set(key, lessonId);
        await db.execute(sql`insert into training_lessons (district_id, id, institution_id, zone_id, course_id, date, start_time, end_time, mode, teacher_name, created_at)
          values (${d}, ${lessonId}, ${p.pkg.institutionId}, ${p.pkg.zoneId}, ${p.pkg.courseId}, ${date}, '16:30', '17:15', 'offline',
            ${p.pkg.institutionName.startsWith('启明') ? (p.pkg.courseName === '书法' ? '吴书琴' : '周墨') : '李健'}, ${at(date, '17:20').toISOString()}::timestamptz)`);
      }
      const consumptionId = demoId(`consumption:${p.label}:${j}`);
      const confirmedAt = l.status === 'confirmed' ? at(date, '20:10') : at(addDays(date, 2), '17:30');
      await db.execute(sql`insert into training_consumptions (district_id, id, lesson_id, order_id, institution_id, zone_id, student_id, amount_fen, status, created_at, confirmed_at, confirmed_by)
        values (${d}, ${consumptionId}, ${lessonId}, ${orderId}, ${p.pkg.institutionId}, ${p.pkg.zoneId}, ${p.studentId}, ${perLesson}, ${l.status},
          ${at(date, '17:20').toISOString()}::timestamptz, ${l.status === 'pending' ? null : confirmedAt.toISOString()}::timestamptz,
          ${l.status === 'confirmed' ? p.guardianUserId : null})`);
      if (l.status === 'pending') continue;
      const { transfer } = await post(db, { districtId: d, key: `consume:${consumptionId}`, kind: 'consume', debitAccountId: accountId, creditAccountId: released, amountFen: perLesson,
        institutionId: p.pkg.institutionId, orderId, sourceId: consumptionId, note: l.status === 'auto_confirmed' ? '超时自动确认' : null, actor: l.status === 'confirmed' ? p.guardianUserId : null, at: confirmedAt });
      await db.execute(sql`update training_consumptions set transfer_id = ${transfer.id} where district_id = ${d} and id = ${consumptionId}`);
    }

    if (p.refund) {
      const refundId = demoId(`refund:${p.label}`);
      const requested = addDays(today, -p.refund.daysAgo);
      const amount = p.pkg.priceFen - perLesson * p.lessons.length;
      await db.execute(sql`insert into training_refunds (district_id, id, order_id, institution_id, zone_id, student_id, amount_fen, reason, status, deadline, created_at, requested_by)
        values (${d}, ${refundId}, ${orderId}, ${p.pkg.institutionId}, ${p.pkg.zoneId}, ${p.studentId}, ${amount}, ${p.refund.reason}, 'requested',
          ${addDays(requested, p.refund.deadlineDays)}, ${at(requested, '09:15').toISOString()}::timestamptz, ${p.guardianUserId})`);
      if (p.refund.paidDaysAgo !== null) {
        const paid = at(addDays(today, -p.refund.paidDaysAgo), '15:40');
        const reference = `TK${addDays(today, -p.refund.paidDaysAgo).replaceAll('-', '')}001`;
        const { transfer } = await post(db, { districtId: d, key: `refund:${refundId}`, kind: 'refund', debitAccountId: accountId, creditAccountId: refundsAccount, amountFen: amount,
          institutionId: p.pkg.institutionId, orderId, sourceId: refundId, note: `退费 ${reference}`, actor: officer, at: paid });
        await db.execute(sql`update training_refunds set status = 'paid', paid_at = ${paid.toISOString()}::timestamptz, paid_by = ${officer}, paid_by_name = '示范区教育局',
          pay_reference = ${reference}, transfer_id = ${transfer.id} where district_id = ${d} and id = ${refundId}`);
      }
    }
  }

  // 小科学家 keeps a risk deposit instead of a custody account
  const [science] = await rowsOf<{ id: string; zoneId: string }>(
    db,
    sql`select i.id, i.zone_id as "zoneId" from institutions i join training_profiles p on p.district_id = i.district_id and p.institution_id = i.id
      where i.district_id = ${d} and p.custody_mode = 'deposit' order by i.name limit 1`,
  );
  if (science) {
    const depositId = demoId(`deposit:${science.id}`);
    const paidOn = addDays(today, -30);
    const funding = await clearingAccount(db, d, 'institution_funding');
    const account = await depositAccount(db, d, science.id);
    const { transfer } = await post(db, { districtId: d, key: `deposit:${depositId}`, kind: 'deposit', debitAccountId: funding, creditAccountId: account, amountFen: 100_000,
      institutionId: science.id, sourceId: depositId, note: '风险保证金缴存', actor: officer, at: at(paidOn, '10:00') });
    await db.execute(sql`insert into training_deposits (district_id, id, institution_id, zone_id, direction, amount_fen, paid_on, reference, note, transfer_id, created_at, created_by)
      values (${d}, ${depositId}, ${science.id}, ${science.zoneId}, 'deposit', 100000, ${paidOn}, ${`BZJ${paidOn.replaceAll('-', '')}01`}, '风险保证金缴存', ${transfer.id},
        ${at(paidOn, '10:00').toISOString()}::timestamptz, ${officer})`);
  }
}
