/**
 * The lesson-consumption scenario's stage (一课一消) in the synthetic district: one training institution with an
 * admin session, a course, 200 orders of 200 children with lessons enough for any run, and 400 recorded lessons. Each
 * request marks one child present at one lesson: `POST /api/training/lessons/:id/consume` (the order's counter, the
 * consumption and the audit entry in one statement). Earlier runs' consumptions are cleared first.
 */
import { createHash } from 'node:crypto';
import type pg from 'pg';

export const INSTITUTION_TOKEN = 'bench-institution';
export const TRAINING_ORDERS = 200;
export const TRAINING_LESSONS = 400;

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

export interface TrainingStage {
  orders: string[];
  lessons: string[];
}

export async function stageTraining(c: pg.Client, districtId: string, students: readonly string[]): Promise<TrainingStage> {
  // a stable id per label, shaped as a version-4 UUID (the API's schemas accept only well-formed ones)
  const uuidOf = (text: string) => `(select (substr(h, 1, 12) || '4' || substr(h, 14, 3) || '8' || substr(h, 18, 15))::uuid from md5(${text}) h)`;
  const id = (label: string) => uuidOf(`'bench-training-' || ${label}`);
  const [zone] = (await c.query(`select id from zones where district_id = $1 order by id limit 1`, [districtId])).rows as { id: string }[];
  await c.query(
    `insert into institutions (district_id, id, zone_id, name, license_no, category, field, status, list_status)
     values ($1, ${id("'institution'")}, $2, '基准测试艺术培训中心', '基准140000000001号', 'non_subject', '文化艺术', 'active', 'white') on conflict do nothing`,
    [districtId, zone!.id],
  );
  const inst = (await c.query(`select ${id("'institution'")} as id`)).rows[0].id as string;
  await c.query(
    `insert into users (district_id, id, username, name, password_hash, must_change_password) values ($1, ${id("'admin'")}, 'bench-institution', '基准机构管理员', '!', false) on conflict do nothing`,
    [districtId],
  );
  await c.query(
    `insert into role_assignments (district_id, user_id, role, institution_id) select $1, ${id("'admin'")}, 'institution_admin', $2
     where not exists (select 1 from role_assignments where district_id = $1 and user_id = ${id("'admin'")})`,
    [districtId, inst],
  );
  await c.query(`delete from sessions where token_hash = $1`, [sha(INSTITUTION_TOKEN)]);
  await c.query(`insert into sessions (token_hash, district_id, user_id, expires_at) values ($1, $2, ${id("'admin'")}, now() + interval '12 hours')`, [sha(INSTITUTION_TOKEN), districtId]);
  await c.query(
    `insert into training_courses (district_id, id, institution_id, zone_id, name, subtype, category, mode, lesson_minutes, max_class_size, price_per_lesson_fen, status)
     values ($1, ${id("'course'")}, $2, $3, '基准国画', 'arts', 'non_subject', 'offline', 45, 30, 3000, 'approved') on conflict do nothing`,
    [districtId, inst, zone!.id],
  );
  await c.query(
    `insert into training_packages (district_id, id, institution_id, zone_id, course_id, name, lessons, months, price_fen, status)
     values ($1, ${id("'package'")}, $2, $3, ${id("'course'")}, '基准国画 20 课时', 20, 3, 60000, 'approved') on conflict do nothing`,
    [districtId, inst, zone!.id],
  );
  // orders with lessons for any run (the counter is what consumption takes from), each with its funded account
  const kids = students.slice(0, TRAINING_ORDERS);
  for (const [n, studentId] of kids.entries()) {
    const order = `${id(`'order-${n}'`)}`;
    const account = `${id(`'account-${n}'`)}`;
    await c.query(
      `insert into training_accounts (district_id, id, kind, institution_id, order_id, non_negative, credits_posted)
       values ($1, ${account}, 'order', $2, ${order}, 1, 90000000) on conflict do nothing`,
      [districtId, inst],
    );
    await c.query(
      `insert into training_orders (district_id, id, code, institution_id, zone_id, course_id, package_id, student_id, guardian_user_id, lessons, lessons_left,
         price_fen, price_per_lesson_fen, contract_version, contract_hash, contract_accepted_at, custody_mode, valid_until, account_id)
       values ($1, ${order}, $2, $3, $4, ${id("'course'")}, ${id("'package'")}, $5, ${id("'admin'")}, 30000, 30000, 90000000, 3000, 'bench', 'bench', now(), 'custody',
         current_date + 90, ${account})
       on conflict do nothing`,
      [districtId, `BENCH${String(n).padStart(4, '0')}`, inst, zone!.id, studentId],
    );
  }
  await c.query(
    `insert into training_lessons (district_id, id, institution_id, zone_id, course_id, date, start_time, end_time, mode)
     select $1, ${uuidOf(`'bench-training-lesson-' || n`)}, $2, $3, ${id("'course'")}, current_date - (n / 4), '16:00', '16:45', 'offline'
     from generate_series(0, ${TRAINING_LESSONS - 1}) n on conflict do nothing`,
    [districtId, inst, zone!.id],
  );
  await c.query(`delete from training_consumptions where district_id = $1 and institution_id = $2`, [districtId, inst]);
  await c.query(`update training_orders set lessons_left = lessons, status = 'active' where district_id = $1 and institution_id = $2`, [districtId, inst]);
  const orders = (await c.query(`select id from training_orders where district_id = $1 and institution_id = $2 order by code`, [districtId, inst])).rows.map((r) => r.id as string);
  const lessons = (await c.query(`select id from training_lessons where district_id = $1 and institution_id = $2 order by date, id`, [districtId, inst])).rows.map((r) => r.id as string);
  return { orders, lessons };
}
