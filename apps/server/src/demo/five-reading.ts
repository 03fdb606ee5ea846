/**
 * Demo 读物管理: the district's recommended list (课外读物 for primary and junior pupils, and the approved 同步练习册),
 * its negative list (unapproved 教辅 and unsuitable books, each with its reason; the titles are made up), and what the
 * demo schools filed this semester: mostly books from the recommended list, a few 教辅 not on it (to review), and
 * one negative-list hit at 示范区实验小学 and one at 示范区第一初级中学, each an open item of the school's self-check.
 */
import { FIVE_INDICATORS, type ReadingKind, type ReadingSource } from '@shuangjian/contracts';
import { addDays, checkReadingFiling, type LocalDate, readingEntryKey } from '@shuangjian/policy';
import { and, eq } from 'drizzle-orm';
import type { Queryable } from '../platform/db';
import { bulkInsert } from '../platform/db';
import { semesterPeriod, setIndicators } from '../platform/indicators';
import { semesterAt, semestersOf } from '../modules/calendar';
import { fiveReadingEntries, fiveReadingFilings } from '../modules/five-managements/reading.schema';
import { raiseFinding } from '../modules/five-managements/selfcheck-findings';
import { schools } from '../modules/org/schema';

type Entry = [title: string, author: string | null, publisher: string, kind: ReadingKind, from: number, to: number, reason?: string, isbn?: string];

const RECOMMENDED: Entry[] = [
  ['没头脑和不高兴', '任溶溶', '浙江少年儿童出版社', 'extracurricular', 1, 2],
  ['神笔马良', '洪汛涛', '少年儿童出版社', 'extracurricular', 1, 2],
  ['小鲤鱼跳龙门', '金近', '人民文学出版社', 'extracurricular', 1, 2],
  ['一只想飞的猫', '陈伯吹', '人民文学出版社', 'extracurricular', 2, 3],
  ['窗边的小豆豆', '黑柳彻子', '南海出版公司', 'extracurricular', 2, 4],
  ['稻草人', '叶圣陶', '人民文学出版社', 'extracurricular', 3, 4],
  ['安徒生童话', '安徒生', '人民文学出版社', 'extracurricular', 3, 4],
  ['格林童话', '格林兄弟', '人民文学出版社', 'extracurricular', 2, 4],
  ['中国古代寓言故事', null, '人民教育出版社', 'extracurricular', 3, 3],
  ['夏洛的网', 'E.B.怀特', '上海译文出版社', 'extracurricular', 3, 5],
  ['小英雄雨来', '管桦', '中国少年儿童出版社', 'extracurricular', 3, 6],
  ['中国神话传说', '袁珂', '人民文学出版社', 'extracurricular', 4, 4],
  ['十万个为什么', '米·伊林', '少年儿童出版社', 'extracurricular', 4, 6],
  ['细菌世界历险记', '高士其', '人民文学出版社', 'extracurricular', 4, 6],
  ['草房子', '曹文轩', '江苏凤凰少年儿童出版社', 'extracurricular', 4, 6],
  ['小王子', '圣埃克苏佩里', '人民文学出版社', 'extracurricular', 3, 6],
  ['城南旧事', '林海音', '中国青年出版社', 'extracurricular', 5, 6],
  ['爱的教育', '亚米契斯', '人民文学出版社', 'extracurricular', 5, 6],
  ['西游记', '吴承恩', '人民文学出版社', 'extracurricular', 5, 9],
  ['三国演义', '罗贯中', '人民文学出版社', 'extracurricular', 5, 9],
  ['鲁滨逊漂流记', '笛福', '人民文学出版社', 'extracurricular', 6, 7],
  ['童年', '高尔基', '人民文学出版社', 'extracurricular', 6, 9],
  ['朝花夕拾', '鲁迅', '人民文学出版社', 'extracurricular', 7, 7],
  ['骆驼祥子', '老舍', '人民文学出版社', 'extracurricular', 7, 7],
  ['海底两万里', '儒勒·凡尔纳', '人民文学出版社', 'extracurricular', 7, 8],
  ['红星照耀中国', '埃德加·斯诺', '人民文学出版社', 'extracurricular', 8, 8],
  ['昆虫记', '法布尔', '人民文学出版社', 'extracurricular', 8, 8],
  ['钢铁是怎样炼成的', '奥斯特洛夫斯基', '人民文学出版社', 'extracurricular', 8, 9],
  ['傅雷家书', '傅雷', '人民文学出版社', 'extracurricular', 8, 9],
  ['艾青诗选', '艾青', '人民文学出版社', 'extracurricular', 9, 9],
  ['水浒传', '施耐庵', '人民文学出版社', 'extracurricular', 9, 9],
  ['我们爱科学', null, '中国少年儿童新闻出版总社', 'periodical', 3, 6],
  ['语文同步练习册（三年级上册）', null, '人民教育出版社', 'supplementary', 3, 3],
  ['数学同步练习册（四年级上册）', null, '人民教育出版社', 'supplementary', 4, 4],
  ['数学同步练习册（七年级上册）', null, '人民教育出版社', 'supplementary', 7, 7],
  ['英语同步练习册（八年级上册）', null, '人民教育出版社', 'supplementary', 8, 8],
];

const NEGATIVE: Entry[] = [
  ['小学数学必刷题大全（三年级上）', null, '金榜文化图书有限公司', 'supplementary', 3, 3, '未经审定的教辅材料，题海训练，加重学生课业负担', '978-7-5099-1203-4'],
  ['黄金考点冲刺100分（五年级）', null, '学霸文化传播有限公司', 'supplementary', 5, 5, '未经审定的教辅材料，以提分、排名为宣传', '978-7-5099-2217-0'],
  ['初中数学压轴题秒杀', null, '学霸文化传播有限公司', 'supplementary', 7, 9, '超纲超前内容，违规征订'],
  ['中考提分秘籍·名校密卷', null, '名校联盟图书工作室', 'supplementary', 9, 9, '无正规书号的非法出版物'],
  ['寒假作业超级套餐', null, '金榜文化图书有限公司', 'supplementary', 1, 6, '捆绑搭售教辅，违规统一征订'],
  ['恐怖校园怪谈', null, '星月童书工作室', 'extracurricular', 1, 9, '内容恐怖、惊悚，不适合未成年人阅读', '978-7-5099-3318-3'],
  ['暗黑童话：血色城堡', null, '星月童书工作室', 'extracurricular', 1, 9, '含血腥暴力描写'],
  ['霸道校草爱上我', null, '青橙文化传媒有限公司', 'extracurricular', 1, 9, '内容低俗，宣扬早恋'],
  ['网游之巅峰王者', null, '青橙文化传媒有限公司', 'extracurricular', 1, 9, '宣扬沉迷网络游戏'],
  ['整蛊大全漫画', null, '星月童书工作室', 'periodical', 1, 9, '宣扬恶作剧、伤害他人'],
];

type Filing = [title: string, publisher: string, kind: ReadingKind, grades: number[], copies: number, source: ReadingSource];

/** What each demo school brought in: books from the list, 教辅 from 征订, a 教辅 not on the list, and the hits. */
const FILINGS: Record<string, Filing[]> = {
  SY01: [
    ['没头脑和不高兴', '浙江少年儿童出版社', 'extracurricular', [1, 2], 60, 'class_corner'],
    ['窗边的小豆豆', '南海出版公司', 'extracurricular', [2, 3, 4], 45, 'library'],
    ['夏洛的网', '上海译文出版社', 'extracurricular', [3, 4, 5], 120, 'library'],
    ['草房子', '江苏凤凰少年儿童出版社', 'extracurricular', [4, 5, 6], 80, 'class_corner'],
    ['小王子', '人民文学出版社有限公司', 'extracurricular', [3, 4, 5, 6], 50, 'donation'],
    ['我们爱科学', '中国少年儿童新闻出版总社', 'periodical', [3, 4, 5, 6], 36, 'subscription'],
    ['语文同步练习册（三年级上册）', '人民教育出版社', 'supplementary', [3], 142, 'subscription'],
    ['口算天天练（二年级上）', '现代教育出版社', 'supplementary', [2], 138, 'subscription'],
    ['黄金考点冲刺100分（五年级）', '学霸文化传播有限公司', 'supplementary', [5], 30, 'donation'],
  ],
  CX02: [
    ['神笔马良', '少年儿童出版社', 'extracurricular', [1, 2], 40, 'class_corner'],
    ['稻草人', '人民文学出版社', 'extracurricular', [3, 4], 60, 'library'],
    ['十万个为什么', '少年儿童出版社', 'extracurricular', [4, 5, 6], 30, 'library'],
    ['城南旧事', '中国青年出版社', 'extracurricular', [5, 6], 48, 'donation'],
    ['数学同步练习册（四年级上册）', '人民教育出版社', 'supplementary', [4], 90, 'subscription'],
  ],
  CZ01: [
    ['朝花夕拾', '人民文学出版社', 'extracurricular', [7], 300, 'subscription'],
    ['骆驼祥子', '人民文学出版社', 'extracurricular', [7], 280, 'library'],
    ['红星照耀中国', '人民文学出版社', 'extracurricular', [8], 150, 'library'],
    ['数学同步练习册（七年级上册）', '人民教育出版社', 'supplementary', [7], 310, 'subscription'],
    ['英语同步练习册（八年级上册）', '人民教育出版社', 'supplementary', [8], 296, 'subscription'],
    ['初中物理培优讲义', '华东师范大学出版社', 'supplementary', [8], 60, 'subscription'],
    ['初中数学压轴题秒杀', '学霸文化传播有限公司', 'supplementary', [8, 9], 24, 'class_corner'],
  ],
  JN01: [
    ['安徒生童话', '人民文学出版社', 'extracurricular', [3, 4], 70, 'class_corner'],
    ['西游记', '人民文学出版社', 'extracurricular', [5, 6, 7], 90, 'library'],
    ['海底两万里', '人民文学出版社', 'extracurricular', [7, 8], 60, 'library'],
    ['昆虫记', '人民文学出版社', 'extracurricular', [8], 45, 'donation'],
  ],
};

export async function seedFiveReadingDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester) return;
  const listed = semester.startDate > addDays(today, -60) ? semester.startDate : addDays(today, -60);
  const entryRow = (list: 'recommended' | 'negative', [title, author, publisher, kind, gradeFrom, gradeTo, reason, isbn]: Entry, i: number) => ({
    districtId,
    id: crypto.randomUUID(),
    list,
    matchKey: readingEntryKey({ title, publisher, isbn }),
    title,
    author,
    publisher,
    isbn: isbn ? isbn.replace(/-/g, '') : null,
    kind,
    gradeFrom,
    gradeTo,
    reason: reason ?? null,
    addedOn: addDays(listed, -(i % 3) * 7),
  });
  const entries = [...RECOMMENDED.map((e, i) => entryRow('recommended', e, i)), ...NEGATIVE.map((e, i) => entryRow('negative', e, i))];
  await bulkInsert(db, fiveReadingEntries, entries);

  const schoolRows = await db.select({ id: schools.id, code: schools.code }).from(schools).where(eq(schools.districtId, districtId));
  const filings: (typeof fiveReadingFilings.$inferInsert)[] = [];
  for (const s of schoolRows) {
    (FILINGS[s.code] ?? []).forEach(([title, publisher, kind, grades, copies, source], i) => {
      const check = checkReadingFiling({ title, publisher, kind }, entries);
      const filedOn = addDays(semester.startDate, 4 + i * 5) < today ? addDays(semester.startDate, 4 + i * 5) : today;
      filings.push({ districtId, id: crypto.randomUUID(), schoolId: s.id, semesterId: semester.id, title, publisher, isbn: null, kind, grades, copies, source, matchKey: readingEntryKey({ title, publisher }), status: check.status, check, filedOn });
    });
  }
  await bulkInsert(db, fiveReadingFilings, filings);

  for (const f of filings.filter((r) => r.status === 'flagged')) {
    const hit = f.check.negative!;
    const finding = await raiseFinding(db, {
      districtId,
      schoolId: f.schoolId,
      management: 'reading',
      source: { area: 'reading', refId: f.id! },
      title: `进校读物命中负面清单：《${hit.title}》（${hit.reason ?? '负面清单'}）`,
      detail: `本校登记的《${f.title}》（${f.copies} 册，${f.grades.join('、')} 年级）与区负面清单条目《${hit.title}》书名与出版社相同。${f.check.rule?.text ?? ''}`,
      rule: { key: f.check.rule!.key, version: null },
      date: f.filedOn,
      actorId: null,
    });
    await db
      .update(fiveReadingFilings)
      .set({ findingId: finding.id })
      .where(and(eq(fiveReadingFilings.districtId, districtId), eq(fiveReadingFilings.id, f.id!)));
  }

  const per = new Map<string, { num: number; den: number }>();
  for (const f of filings) {
    const p = per.get(f.schoolId) ?? { num: 0, den: 0 };
    p.den++;
    if (f.status === 'flagged') p.num++;
    per.set(f.schoolId, p);
  }
  await setIndicators(
    db,
    [...per].map(([schoolId, p]) => ({ districtId, indicator: FIVE_INDICATORS.readingFlagged, period: semesterPeriod(semester.id), schoolId, num: p.num, den: p.den })),
  );
}
