import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let district: string; // demo-district
let principal: string; // demo-principal, 实验小学
let parent: string; // demo-parent, 张小明
let districtId: string;
let school: string; // 示范区实验小学
let otherSchool: string;
let child: { id: string; classId: string };
let classmates: { id: string }[];
let semesterId: string;

/** Rows of a query; the first is typed as present (the tests ask for rows they know exist). */
const q = <T = Record<string, unknown>>(text: string, params?: unknown[]) => w.db.database.query<T>(text, params) as Promise<[T, ...T[]]>;
const TODAY = '2026-11-26';

const questions = [
  { kind: 'rating', text: '您对本学期课后服务的总体满意度', satisfaction: true },
  { kind: 'single', text: '孩子每天参加课后服务的时长是否合适', options: ['合适', '偏长', '偏短'] },
  { kind: 'multiple', text: '您希望增加哪些课程', options: ['体育', '艺术', '科技', '阅读'] },
  { kind: 'text', text: '其他意见和建议', required: false },
];
const surveyInput = (over: Record<string, unknown> = {}) => ({
  title: '三年级课后服务满意度调查',
  intro: '匿名填写，约 2 分钟',
  schoolId: null,
  audience: { schoolIds: [school], grades: [3], courseIds: [] },
  opensOn: TODAY,
  closesOn: '2026-12-03',
  questions,
  ...over,
});
const goodSheet = [{ rating: 5 }, { choice: 0 }, { choices: [0, 2] }, { text: '老师很用心' }];

/** Answers of other families, as the answer route stores them: the recipient flips to answered, the sheet has no child. */
async function answerAs(surveyId: string, studentIds: string[], sheet: unknown[]) {
  for (const id of studentIds) {
    const [r] = await q<{ school_id: string; grade: number; course_id: string | null }>(
      `update after_school_survey_recipients set answered = true where survey_id = $1 and student_id = $2 and not answered returning school_id, grade, course_id`,
      [surveyId, id],
    );
    await q(`insert into after_school_survey_answers (district_id, survey_id, school_id, grade, course_id, answers) values ($1, $2, $3, $4, $5, $6::jsonb)`, [
      districtId,
      surveyId,
      r!.school_id,
      r!.grade,
      r!.course_id,
      JSON.stringify(sheet),
    ]);
  }
}

beforeAll(async () => {
  w = await createWorld();
  [district, principal, parent] = (await Promise.all(['demo-district', 'demo-principal', 'demo-parent'].map((u) => w.login(u)))) as [string, string, string];
  const me = (await call(w.app, parent, 'GET', '/api/me')).body;
  child = me.children[0];
  districtId = (await q<{ id: string }>(`select id from districts where demo`))[0]!.id;
  school = (await q<{ id: string }>(`select id from schools where district_id = $1 and name = '示范区实验小学'`, [districtId]))[0]!.id;
  otherSchool = (await q<{ id: string }>(`select id from schools where district_id = $1 and id <> $2 order by name limit 1`, [districtId, school]))[0]!.id;
  classmates = await q(`select id from students where class_id = $1 and id <> $2 and status = 'active' order by student_no limit 6`, [child.classId, child.id]);
  semesterId = (await q<{ id: string }>(`select id from semesters where district_id = $1 and start_date <= $2 and end_date >= $2`, [districtId, TODAY]))[0]!.id;
}, 180_000);
afterAll(() => w.close());

describe('building and sending a survey', () => {
  let id: string;

  it('the district builds a draft for chosen schools and grades, then sends it to their families', async () => {
    const created = await call(w.app, district, 'POST', '/api/after-school/surveys', surveyInput());
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ status: 'draft', phase: 'draft', recipients: 0, canEdit: true, schoolId: null });
    id = created.body.id;
    const edited = await call(w.app, district, 'PUT', `/api/after-school/surveys/${id}`, surveyInput({ title: '三年级课后服务满意度调查（秋季）' }));
    expect(edited.body.title).toBe('三年级课后服务满意度调查（秋季）');

    const sent = await call(w.app, district, 'POST', `/api/after-school/surveys/${id}/send`);
    expect(sent.status).toBe(200);
    const [{ n }] = await q<{ n: number }>(
      `select count(*)::int n from students s join classes c on c.district_id = s.district_id and c.id = s.class_id where s.school_id = $1 and c.grade = 3 and s.status = 'active'`,
      [school],
    );
    expect(sent.body).toMatchObject({ status: 'sent', phase: 'open', recipients: n, answered: 0 });
    const bell = (await call(w.app, parent, 'GET', '/api/notifications')).body.items as { kind: string; title: string }[];
    expect(bell.some((b) => b.kind === 'after-school.survey' && b.title.includes('三年级课后服务满意度调查'))).toBe(true);
  });

  it('a sent survey cannot be changed or sent again', async () => {
    expect((await call(w.app, district, 'PUT', `/api/after-school/surveys/${id}`, surveyInput())).status).toBe(409);
    expect((await call(w.app, district, 'POST', `/api/after-school/surveys/${id}/send`)).status).toBe(409);
  });

  it('refuses bad questionnaires with the field named', async () => {
    const bad = [
      surveyInput({ questions: [{ kind: 'single', text: '只有一个选项', options: ['是'] }] }),
      surveyInput({ questions: [{ kind: 'text', text: '满意吗', satisfaction: true }] }),
      surveyInput({ questions: [] }),
      surveyInput({ opensOn: '2026-12-05', closesOn: '2026-12-01' }),
      surveyInput({ title: '' }),
      surveyInput({ audience: { schoolIds: ['6f1c4a52-9d1e-4b7a-a0c3-5b8f2e1d7c90'], grades: [], courseIds: [] } }),
      surveyInput({ audience: { schoolIds: [], grades: [12], courseIds: [] } }),
    ];
    for (const body of bad) {
      const res = await call(w.app, district, 'POST', '/api/after-school/surveys', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.code).toBe('VALIDATION');
      expect(res.body.message).toMatch(/[\u4e00-\u9fa5]/);
    }
  });

  it('a school builds only for its own families; the district survey is the district’s', async () => {
    expect((await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput())).status).toBe(403);
    expect((await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput({ schoolId: otherSchool, audience: { schoolIds: [], grades: [], courseIds: [] } }))).status).toBe(404);
    expect((await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput({ schoolId: school, audience: { schoolIds: [otherSchool], grades: [], courseIds: [] } }))).status).toBe(400);
    const own = await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput({ schoolId: school, audience: { schoolIds: [], grades: [3], courseIds: [] } }));
    expect(own.status).toBe(200);
    expect(own.body.audience.schoolIds).toEqual([school]);
    // the principal reads the district's survey that reaches the school, but may not change it
    const theirs = await call(w.app, principal, 'GET', `/api/after-school/surveys/${id}`);
    expect(theirs.body.canEdit).toBe(false);
    expect((await call(w.app, principal, 'POST', `/api/after-school/surveys/${id}/send`)).status).toBe(403);
    expect((await call(w.app, principal, 'DELETE', `/api/after-school/surveys/${own.body.id}`)).status).toBe(200);
  });

  it('another school’s survey, and a district survey that does not reach the school, answer 404 to the school', async () => {
    const stored = questions.map((x) => ({ options: [], required: true, satisfaction: false, ...x }));
    const creator = (await q<{ id: string }>(`select id from users where username = 'demo-district'`))[0]!.id;
    const [{ id: foreign }] = await q<{ id: string }>(
      `insert into after_school_surveys (district_id, school_id, title, questions, audience_school_ids, opens_on, closes_on, status, created_by)
       values ($1, $2, '他校调查', $3::jsonb, array[$2]::uuid[], $4, '2026-12-03', 'sent', $5) returning id`,
      [districtId, otherSchool, JSON.stringify(stored), TODAY, creator],
    );
    const [{ id: elsewhere }] = await q<{ id: string }>(
      `insert into after_school_surveys (district_id, school_id, title, questions, audience_school_ids, opens_on, closes_on, status, created_by)
       values ($1, null, '他校区级调查', $2::jsonb, array[$3]::uuid[], $4, '2026-12-03', 'sent', $5) returning id`,
      [districtId, JSON.stringify(stored), otherSchool, TODAY, creator],
    );
    for (const sid of [foreign, elsewhere]) {
      expect((await call(w.app, principal, 'GET', `/api/after-school/surveys/${sid}`)).status).toBe(404);
      expect((await call(w.app, principal, 'GET', `/api/after-school/surveys/${sid}/results`)).status).toBe(404);
      expect((await call(w.app, principal, 'GET', `/api/after-school/surveys/${sid}/results.xlsx`)).status).toBe(404);
    }
    const listed = (await call(w.app, principal, 'GET', '/api/after-school/surveys')).body.items.map((s: { id: string }) => s.id);
    expect(listed).toContain(id);
    expect(listed).not.toContain(foreign);
    expect(listed).not.toContain(elsewhere);
    const seen = await call(w.app, district, 'GET', `/api/after-school/surveys/${foreign}`);
    expect(seen.status, seen.raw.body).toBe(200);
    // a parent holds no survey building permission
    expect((await call(w.app, parent, 'GET', `/api/after-school/surveys/${id}/results`)).status).toBe(403);
  });
});

describe('a family answers, once and anonymously; small groups show nothing', () => {
  let id: string;

  beforeAll(async () => {
    id = (await call(w.app, district, 'POST', '/api/after-school/surveys', surveyInput({ title: '答卷测试调查' }))).body.id;
    await call(w.app, district, 'POST', `/api/after-school/surveys/${id}/send`);
  });

  it('the parent sees the open survey for the child and answers it', async () => {
    const list = await call(w.app, parent, 'GET', `/api/after-school/surveys/family?studentId=${child.id}`);
    const mine = list.body.items.find((s: { surveyId: string }) => s.surveyId === id);
    expect(mine).toMatchObject({ open: true, answered: false, studentId: child.id });
    expect(mine.questions).toHaveLength(4);

    const missing = await call(w.app, parent, 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: child.id, answers: [{}, { choice: 0 }, { choices: [1] }] });
    expect(missing.status).toBe(400);
    expect(missing.body.details.fields[0].field).toBe('answers.0');
    const wrong = await call(w.app, parent, 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: child.id, answers: [{ rating: 4 }, { choice: 7 }, { choices: [1] }] });
    expect(wrong.status).toBe(400);
    expect(wrong.body.message).toContain('第 2 题');

    const before = (await q<{ survey_answers: number; satisfaction_sum: number }>(
      `select survey_answers, satisfaction_sum from after_school_school_stats where school_id = $1 and semester_id = $2`,
      [school, semesterId],
    ))[0] ?? { survey_answers: 0, satisfaction_sum: 0 };
    const ok = await call(w.app, parent, 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: child.id, answers: goodSheet });
    expect(ok.status).toBe(200);
    const after = (await q<{ survey_answers: number; satisfaction_sum: number }>(
      `select survey_answers, satisfaction_sum from after_school_school_stats where school_id = $1 and semester_id = $2`,
      [school, semesterId],
    ))[0]!;
    expect(after.survey_answers).toBe(before.survey_answers + 1);
    expect(after.satisfaction_sum).toBe(before.satisfaction_sum + 5);

    // the stored sheet carries no child and no parent
    const [row] = await q<Record<string, unknown>>(`select * from after_school_survey_answers where survey_id = $1`, [id]);
    expect(Object.keys(row!).sort()).toEqual(['answers', 'course_id', 'district_id', 'grade', 'id', 'school_id', 'survey_id']);
    expect(JSON.stringify(row)).not.toContain(child.id);
  });

  it('a second answer for the same child is refused and changes nothing', async () => {
    const again = await call(w.app, parent, 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: child.id, answers: goodSheet });
    expect(again.status).toBe(409);
    const [{ n }] = await q<{ n: number }>(`select count(*)::int n from after_school_survey_answers where survey_id = $1`, [id]);
    expect(n).toBe(1);
    const list = await call(w.app, parent, 'GET', `/api/after-school/surveys/family?studentId=${child.id}`);
    expect(list.body.items.find((s: { surveyId: string }) => s.surveyId === id).answered).toBe(true);
  });

  it('another family’s child answers 404, for the list and the answer', async () => {
    const other = classmates[0]!.id;
    expect((await call(w.app, parent, 'GET', `/api/after-school/surveys/family?studentId=${other}`)).status).toBe(404);
    expect((await call(w.app, parent, 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: other, answers: goodSheet })).status).toBe(404);
  });

  it('with one answer the school group and the whole are withheld: no tallies, no text', async () => {
    const res = await call(w.app, district, 'GET', `/api/after-school/surveys/${id}/results`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ minGroup: 5, rule: 'after-school.surveyMinGroup' });
    expect(res.body.overall).toMatchObject({ answers: 1, withheld: true, questions: null });
    expect(res.body.groups).toHaveLength(1);
    expect(res.body.groups[0]).toMatchObject({ key: school, label: '示范区实验小学', answers: 1, withheld: true, questions: null });
    expect(res.raw.body).not.toContain('老师很用心');
  });

  it('at the minimum the group shows counts, averages and text answers, for the district and the school', async () => {
    await answerAs(id, classmates.slice(0, 4).map((c) => c.id), [{ rating: 4 }, { choice: 1 }, { choices: [0] }, null]);
    for (const who of [district, principal]) {
      const res = await call(w.app, who, 'GET', `/api/after-school/surveys/${id}/results`);
      const g = res.body.groups[0];
      expect(g).toMatchObject({ answers: 5, withheld: false });
      expect(g.questions[0]).toMatchObject({ kind: 'rating', answered: 5, counts: [0, 0, 0, 4, 1], averageX100: 420 });
      expect(g.questions[1].counts).toEqual([1, 4, 0]);
      expect(g.questions[2].counts).toEqual([5, 0, 1, 0]);
      expect(g.questions[3]).toMatchObject({ answered: 1, texts: ['老师很用心'], textsTotal: 1 });
      expect(res.body.survey.answered).toBe(5);
    }
    const byGrade = await call(w.app, district, 'GET', `/api/after-school/surveys/${id}/results?groupBy=grade`);
    expect(byGrade.body.groups[0]).toMatchObject({ key: '3', label: '3年级', answers: 5 });
  });

  it('exports the results to Excel', async () => {
    const res = await call(w.app, district, 'GET', `/api/after-school/surveys/${id}/results.xlsx`);
    expect(res.status).toBe(200);
    expect(res.raw.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.raw.rawPayload as unknown as ArrayBuffer);
    const values = wb.getWorksheet('调查结果')!.getSheetValues().flat().map(String);
    expect(values).toContain('示范区实验小学');
    expect(values).toContain('老师很用心');
    expect(values).toContain('4.20');
  });

  it('after its last day the survey takes no more answers', async () => {
    const saved = w.clock.current;
    w.clock.current = new Date('2026-12-04T02:00:00Z');
    try {
      const res = await call(w.app, await w.login('demo-parent'), 'POST', `/api/after-school/surveys/${id}/answers`, { studentId: child.id, answers: goodSheet });
      expect(res.status).toBe(409);
    } finally {
      w.clock.current = saved;
    }
  });
});

describe('a survey of a course’s families', () => {
  it('reaches the children enrolled in the course and groups results by course', async () => {
    const [{ id: courseId }] = await q<{ id: string }>(
      `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, enrolled, weekdays, start_time, end_time, staffing)
       values ($1, $2, $3, '调查测试足球', 'sports', '{3}', 30, 3, '{1,3}', '16:30', '17:30', 'teacher') returning id`,
      [districtId, school, semesterId],
    );
    const uid = (await q<{ id: string }>(`select id from users where username = 'demo-principal'`))[0]!.id;
    for (const [n, s] of [child, ...classmates.slice(0, 2)].entries())
      await q(
        `insert into after_school_enrolments (district_id, school_id, class_id, student_id, course_id, status, position, chosen_by) values ($1, $2, $3, $4, $5, 'enrolled', $6, $7)`,
        [districtId, school, child.classId, s.id, courseId, n + 1, uid],
      );
    const created = await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput({ title: '足球课家长反馈', schoolId: school, audience: { schoolIds: [], grades: [], courseIds: [courseId] } }));
    expect(created.status).toBe(200);
    const sent = await call(w.app, principal, 'POST', `/api/after-school/surveys/${created.body.id}/send`);
    expect(sent.body.recipients).toBe(3);
    expect((await call(w.app, parent, 'POST', `/api/after-school/surveys/${created.body.id}/answers`, { studentId: child.id, answers: goodSheet })).status).toBe(200);
    const res = await call(w.app, principal, 'GET', `/api/after-school/surveys/${created.body.id}/results?groupBy=course`);
    expect(res.body.groups).toEqual([expect.objectContaining({ key: courseId, label: '调查测试足球', recipients: 3, answers: 1, withheld: true, questions: null })]);
  });

  it('refuses a course of another school', async () => {
    const [{ id: foreignCourse }] = await q<{ id: string }>(
      `insert into after_school_courses (district_id, school_id, semester_id, name, category, grades, capacity, weekdays, start_time, end_time, staffing)
       values ($1, $2, $3, '他校课程', 'arts', '{3}', 30, '{2}', '16:30', '17:30', 'teacher') returning id`,
      [districtId, otherSchool, semesterId],
    );
    const res = await call(w.app, principal, 'POST', '/api/after-school/surveys', surveyInput({ schoolId: school, audience: { schoolIds: [], grades: [], courseIds: [foreignCourse] } }));
    expect(res.status).toBe(400);
    expect(res.body.details.fields[0].field).toBe('audience.courseIds.0');
  });
});
