/**
 * Rule checks through the API: the live course check, the rules in force, timetables filed and refused (学科类 on a
 * Saturday, a holiday, in a vacation; 非学科类 accepted), the violations recorded and who sees them, resolving one, and
 * a later policy version that leaves earlier dates judged as they were.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';
import { seedTrainingRulesDemo } from '../../demo/training-rules';

let w: World;
let district: string;
let inst: string; // demo-institution: 启明 (非学科类)
let subjectInst: string; // an admin of 博学 (学科类), made here
let inspector: string;
let other: string;
let districtId: string;
let boxue: { id: string; zoneId: string };
let subjectCourse: string;
let artsCourse: string;
const q = <T = Record<string, string>>(text: string, params: unknown[] = []) => w.db.database.query<T>(text, params);

async function courseOf(institutionId: string, zoneId: string, category: 'subject' | 'non_subject', name: string) {
  const [found] = await q<{ id: string }>(`select id from training_courses where district_id = $1 and institution_id = $2 and category = $3 order by name limit 1`, [
    districtId,
    institutionId,
    category,
  ]);
  if (found) return found.id;
  const [row] = await q<{ id: string }>(
    `insert into training_courses (district_id, institution_id, zone_id, name, subtype, category, mode, lesson_minutes, max_class_size, price_per_lesson_fen, status)
     values ($1, $2, $3, $4, $5, $6, 'offline', 45, 10, 3000, 'approved') returning id`,
    [districtId, institutionId, zoneId, name, category === 'subject' ? 'maths' : 'arts', category],
  );
  return row!.id;
}

beforeAll(async () => {
  w = await createWorld({ training: true });
  const [i] = await q<{ id: string; districtId: string; zoneId: string }>(
    `select id, district_id as "districtId", zone_id as "zoneId" from institutions where name = '博学学科辅导中心'`,
  );
  boxue = i!;
  districtId = i!.districtId;
  const [qiming] = await q<{ id: string; zoneId: string }>(`select id, zone_id as "zoneId" from institutions where name = '启明文化艺术培训学校'`);
  const [demoUser] = await q<{ hash: string }>(`select password_hash as hash from users where username = 'demo-institution'`);
  const [u] = await q<{ id: string }>(
    `insert into users (district_id, username, name, password_hash, must_change_password) values ($1, 'boxue-admin', '钱博学', $2, false) returning id`,
    [districtId, demoUser!.hash],
  );
  await q(`insert into role_assignments (district_id, user_id, role, institution_id) values ($1, $2, 'institution_admin', $3)`, [districtId, u!.id, boxue.id]);
  await w.exemptFromSecondFactor('boxue-admin');
  subjectCourse = await courseOf(boxue.id, boxue.zoneId, 'subject', '测试数学');
  artsCourse = await courseOf(qiming!.id, qiming!.zoneId, 'non_subject', '测试国画');
  [district, inst, subjectInst, inspector, other] = await Promise.all([
    w.login('demo-district'),
    w.login('demo-institution'),
    w.login('boxue-admin'),
    w.login('zone-inspector'),
    w.login('other-admin'),
  ]);
}, 180_000);
afterAll(() => w.close());

const course = (over: Record<string, unknown> = {}) => ({ category: 'subject', mode: 'offline', lessonMinutes: 45, maxClassSize: 10, pricePerLessonFen: 3850, ...over });

describe('the live course check', () => {
  it('allows the small-class cap plus 10% and refuses a fen more, citing the rule and version', async () => {
    const ok = await call(w.app, subjectInst, 'POST', '/api/training/rules/check-course', course());
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, findings: [] });
    const bad = await call(w.app, subjectInst, 'POST', '/api/training/rules/check-course', course({ pricePerLessonFen: 3851 }));
    expect(bad.body.ok).toBe(false);
    expect(bad.body.findings).toEqual([
      {
        rule: 'price_cap',
        severity: 'error',
        message: '每生每课时38.51元，超过小班（1—10人）上限38.50元（35.00元上浮10%）',
        citation: {
          key: 'training.prices',
          version: 0,
          versionId: null,
          effectiveFrom: null,
          text: '学科类以45分钟为标准课时，每生每课时小班（1—10人）不超过35元，上浮不超过10%；其他时长按比例折算',
        },
      },
    ]);
  });

  it('refuses a class beyond 50 for 学科类 and leaves 非学科类 prices alone', async () => {
    const big = await call(w.app, district, 'POST', '/api/training/rules/check-course', course({ maxClassSize: 51, pricePerLessonFen: 100 }));
    expect(big.body.findings.map((f: { rule: string }) => f.rule)).toEqual(['class_size_band']);
    const arts = await call(w.app, inst, 'POST', '/api/training/rules/check-course', course({ category: 'non_subject', pricePerLessonFen: 20000, lessonMinutes: 90 }));
    expect(arts.body.ok).toBe(true);
    expect(arts.body.findings.map((f: { rule: string; severity: string }) => `${f.severity}:${f.rule}`)).toEqual(['warning:lesson_length_offline']);
  });

  it('is not for parents, and refuses bad input with the field named', async () => {
    expect((await call(w.app, await w.login('demo-parent'), 'POST', '/api/training/rules/check-course', course())).status).toBe(403);
    const bad = await call(w.app, inst, 'POST', '/api/training/rules/check-course', course({ lessonMinutes: 0 }));
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('lessonMinutes');
  });
});

describe('the rules in force', () => {
  it('lists each rule in words with its policy version', async () => {
    const res = await call(w.app, inst, 'GET', '/api/training/rules?on=2026-11-26');
    expect(res.status).toBe(200);
    const texts = Object.fromEntries(res.body.rules.map((r: { rule: string; citation: { text: string } }) => [r.rule, r.citation.text]));
    expect(texts.end_time_offline).toBe('线下培训结束时间不晚于20:30');
    expect(texts.package_lessons).toBe('一次收费时间跨度不超过3个月，且不超过60课时');
    expect(texts.subject_non_profit).toBe('学科类校外培训机构一律登记为非营利性机构');
  });
});

describe('timetables', () => {
  it('refuses a 学科类 Saturday entry with the rule cited, and records the violation', async () => {
    const res = await call(w.app, subjectInst, 'POST', '/api/training/schedules', { courseId: subjectCourse, weekday: 6, startTime: '09:00', endTime: '09:45' });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('RULE_VIOLATION');
    expect(res.body.message).toContain('每周六是休息日（周末），不得开展学科类培训');
    expect(res.body.details.findings).toEqual([
      expect.objectContaining({
        rule: 'subject_weekend',
        severity: 'error',
        citation: { key: 'training.lessons', version: 0, versionId: null, effectiveFrom: null, text: '不得占用国家法定节假日、休息日及寒暑假期组织学科类培训' },
      }),
    ]);
    const list = await call(w.app, district, 'GET', `/api/training/violations?institutionId=${boxue.id}&rule=subject_weekend`);
    expect(list.body.items[0]).toMatchObject({ institutionName: '博学学科辅导中心', subjectKind: 'schedule', status: 'open', rule: 'subject_weekend' });
    expect((await call(w.app, subjectInst, 'GET', '/api/training/schedules')).body.items.some((s: { weekday: number }) => s.weekday === 6)).toBe(false);
  });

  it('checks dated entries against the calendar: holiday, vacation, weekend', async () => {
    const at = (date: string) => call(w.app, subjectInst, 'POST', '/api/training/schedules', { courseId: subjectCourse, date, startTime: '18:00', endTime: '18:45' });
    expect((await at('2026-10-01')).body.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['subject_holiday']);
    expect((await at('2027-01-25')).body.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['subject_vacation']);
    expect((await at('2026-11-28')).body.details.findings.map((f: { rule: string }) => f.rule)).toEqual(['subject_weekend']);
    // a weekend day worked by calendar swap (调休上班) is not a rest day
    expect((await at('2026-10-10')).status).toBe(200);
    expect((await at('2026-12-02')).status).toBe(200);
  });

  it('refuses late or long 学科类 entries; ending exactly at 20:30 is allowed', async () => {
    const at = (startTime: string, endTime: string) => call(w.app, subjectInst, 'POST', '/api/training/schedules', { courseId: subjectCourse, weekday: 2, startTime, endTime });
    expect((await at('19:45', '20:30')).status).toBe(200);
    const late = await at('19:50', '20:35');
    expect(late.status).toBe(422);
    expect(late.body.details.findings[0]).toMatchObject({ rule: 'end_time_offline', message: '20:35结束，晚于线下培训最晚结束时间20:30' });
    expect((await at('16:00', '16:46')).body.details.findings[0].rule).toBe('lesson_length_offline');
  });

  it('accepts a 非学科类 Saturday entry, keeping notices as warnings', async () => {
    const res = await call(w.app, inst, 'POST', '/api/training/schedules', { courseId: artsCourse, weekday: 6, startTime: '09:00', endTime: '09:45', venueName: '一号教室' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ weekday: 6, courseName: expect.any(String), category: 'non_subject', findings: [], venueName: '一号教室' });
    const late = await call(w.app, inst, 'POST', '/api/training/schedules', { courseId: artsCourse, weekday: 6, startTime: '20:00', endTime: '21:00' });
    expect(late.status).toBe(200);
    expect(late.body.findings.map((f: { severity: string; rule: string }) => `${f.severity}:${f.rule}`)).toEqual(['warning:lesson_length_offline', 'warning:end_time_offline']);
  });

  it("keeps institutions to their own courses and timetables", async () => {
    expect((await call(w.app, inst, 'POST', '/api/training/schedules', { courseId: subjectCourse, weekday: 2, startTime: '18:00', endTime: '18:45' })).status).toBe(404);
    const mine = await call(w.app, inst, 'GET', '/api/training/schedules');
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((s: { institutionName: string }) => s.institutionName === '启明文化艺术培训学校')).toBe(true);
    const theirs = (await call(w.app, subjectInst, 'GET', '/api/training/schedules')).body.items[0];
    expect((await call(w.app, inst, 'DELETE', `/api/training/schedules/${theirs.id}`)).status).toBe(404);
    expect((await call(w.app, district, 'DELETE', `/api/training/schedules/${theirs.id}`)).status).toBe(403);
    expect((await call(w.app, subjectInst, 'DELETE', `/api/training/schedules/${theirs.id}`)).status).toBe(200);
    const all = await call(w.app, district, 'GET', '/api/training/schedules');
    expect(new Set(all.body.items.map((s: { institutionName: string }) => s.institutionName)).size).toBeGreaterThan(1);
  });

  it('refuses an entry with both or neither of weekday and date', async () => {
    const res = await call(w.app, subjectInst, 'POST', '/api/training/schedules', { courseId: subjectCourse, startTime: '18:00', endTime: '18:45' });
    expect(res.status).toBe(400);
  });
});

describe('violations', () => {
  it('shows an institution its own only, inspectors their zone, and nothing to another district', async () => {
    const all = await call(w.app, district, 'GET', '/api/training/violations?status=open');
    expect(all.status).toBe(200);
    expect(all.body.total).toBeGreaterThan(0);
    const own = await call(w.app, inst, 'GET', '/api/training/violations');
    expect(own.body.items.every((v: { institutionName: string }) => v.institutionName === '启明文化艺术培训学校')).toBe(true);
    const boxueOwn = await call(w.app, subjectInst, 'GET', '/api/training/violations');
    expect(boxueOwn.body.total).toBeGreaterThan(0);
    expect(boxueOwn.body.items.every((v: { institutionId: string }) => v.institutionId === boxue.id)).toBe(true);
    const zone = await call(w.app, inspector, 'GET', '/api/training/violations');
    expect(zone.body.items.every((v: { zoneId: string }) => v.zoneId === boxue.zoneId)).toBe(true);
    const elsewhere = await call(w.app, other, 'GET', '/api/training/violations');
    expect(elsewhere.status === 403 || elsewhere.body.total === 0).toBe(true);
  });

  it('filters by date', async () => {
    const none = await call(w.app, district, 'GET', '/api/training/violations?from=2030-01-01');
    expect(none.body).toEqual({ items: [], total: 0 });
    const today = await call(w.app, district, 'GET', `/api/training/violations?from=2026-11-26&to=2026-11-26&institutionId=${boxue.id}`);
    expect(today.body.total).toBeGreaterThan(0);
  });

  it('is resolved by the district with a note, once; not by the institution nor another district', async () => {
    const [v] = (await call(w.app, district, 'GET', `/api/training/violations?institutionId=${boxue.id}&status=open`)).body.items;
    expect((await call(w.app, subjectInst, 'POST', `/api/training/violations/${v.id}/resolve`, { note: '自己处理' })).status).toBe(403);
    expect((await call(w.app, other, 'POST', `/api/training/violations/${v.id}/resolve`, { note: '越界' })).status).toBe(404);
    const done = await call(w.app, district, 'POST', `/api/training/violations/${v.id}/resolve`, { note: '已约谈机构负责人，课表已调整' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'resolved', resolutionNote: '已约谈机构负责人，课表已调整', resolvedByName: '周建国' });
    expect((await call(w.app, district, 'POST', `/api/training/violations/${v.id}/resolve`, { note: '再次' })).status).toBe(409);
    const [audit] = await q(`select action from audit_log where entity = 'training_violation' and entity_id = $1 and action = 'training.violation.resolve'`, [v.id]);
    expect(audit).toBeTruthy();
  });
});

describe('a later policy version', () => {
  it('judges each date by the version in force that day', async () => {
    const set = await call(w.app, district, 'POST', '/api/policies/training.prices', {
      value: { standardMinutes: 45, bands: [{ maxClassSize: 10, capFen: 3000 }, { maxClassSize: 35, capFen: 2500 }, { maxClassSize: 50, capFen: 1500 }], floatBp: 1000, otherLengths: 'refuse' },
      effectiveFrom: '2026-12-15',
      reason: '区发改委新定价',
    });
    expect(set.status).toBe(200);
    const before = await call(w.app, subjectInst, 'POST', '/api/training/rules/check-course', course({ on: '2026-12-14' }));
    expect(before.body).toEqual({ ok: true, findings: [] });
    const after = await call(w.app, subjectInst, 'POST', '/api/training/rules/check-course', course({ on: '2026-12-15' }));
    expect(after.body.findings).toEqual([
      expect.objectContaining({
        rule: 'price_cap',
        message: '每生每课时38.50元，超过小班（1—10人）上限33.00元（30.00元上浮10%）',
        citation: expect.objectContaining({ key: 'training.prices', version: 1, effectiveFrom: '2026-12-15', versionId: expect.any(String) }),
      }),
    ]);
    const rules = await call(w.app, inst, 'GET', '/api/training/rules?on=2026-12-20');
    expect(rules.body.rules.find((r: { rule: string }) => r.rule === 'price_cap').citation).toMatchObject({ version: 1, text: expect.stringContaining('其他时长的课不予备案') });
    // today (2026-11-26) is still judged by the shipped default
    expect((await call(w.app, subjectInst, 'POST', '/api/training/rules/check-course', course())).body.ok).toBe(true);
  });
});

describe('the demo', () => {
  it('files timetables and records violations with their citations', async () => {
    await seedTrainingRulesDemo(w.db.database.db, districtId, '2026-11-26');
    const list = await call(w.app, district, 'GET', '/api/training/violations?pageSize=200');
    const jiejing = list.body.items.filter((v: { institutionName: string }) => v.institutionName === '捷径升学补习班');
    expect(new Set(jiejing.map((v: { rule: string }) => v.rule))).toEqual(new Set(['lesson_length_offline', 'subject_weekend']));
    expect(jiejing[0]).toMatchObject({ occurredOn: '2026-11-21', status: 'open', subjectKind: 'lesson' });
    expect(list.body.items.some((v: { rule: string; institutionName: string }) => v.rule === 'package_lessons' && v.institutionName === '小科学家科技创新中心')).toBe(true);
    expect(list.body.items.some((v: { rule: string; status: string; resolvedByName: string }) => v.rule === 'end_time_offline' && v.status === 'resolved' && v.resolvedByName === '周建国')).toBe(true);
    const mine = await call(w.app, inst, 'GET', '/api/training/schedules');
    expect(mine.body.items.filter((s: { courseName: string }) => s.courseName === '少儿国画').length).toBeGreaterThanOrEqual(2);
  });
});
