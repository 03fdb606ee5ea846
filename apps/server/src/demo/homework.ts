/**
 * Demo homework for the demo district: four weeks of published daily lists for every class with families' reports, and
 * today's items for 实验小学 三年级(2)班 waiting in the chain; a small library of designs; a few error-notebook entries.
 * Everything is relative to the day the database is created, so the demo always has a recent past.
 */
import { addDays, bedtimeFor, bedtimeStopAllowed, checkClassDay, defaultHomeworkPolicy as policy, judgeStudentDay, limitFor, type LocalDate, countsTowardLimit, type HomeworkType, type Layer, type Place } from '@shuangjian/policy';
import { and, eq, inArray } from 'drizzle-orm';
import { bulkInsert, type Db } from '../platform/db';
import { users } from '../platform/schema';
import { classifyDays } from '../modules/calendar';
import { classes, guardianLinks, guardians, roleAssignments, schools, students, subjects } from '../modules/org/schema';
import { rebuildRollups } from '../modules/homework';
import {
  homeworkCollectionDesigns,
  homeworkCollections,
  homeworkDays,
  homeworkDesigns,
  homeworkFeedback,
  homeworkItems,
  homeworkMistakes,
  homeworkPublished,
  homeworkStudentDays,
} from '../modules/homework/schema';
import { rng } from './names';

type Kind = { type: HomeworkType; layer: Layer; place: Place; minutes: number; content: string };

const TASKS: Record<string, Kind[]> = {
  chinese: [
    { type: 'written', layer: 'basic', place: 'home', minutes: 15, content: '抄写本课生字词，每个两遍，并组词' },
    { type: 'reading', layer: 'basic', place: 'home', minutes: 15, content: '朗读课文三遍，背诵第二自然段' },
    { type: 'written', layer: 'advanced', place: 'home', minutes: 20, content: '完成《课堂作业本》本课练习，写一段 100 字左右的观察日记' },
    { type: 'written', layer: 'extension', place: 'home', minutes: 15, content: '选做：阅读课外书 20 分钟，摘抄好词好句' },
  ],
  math: [
    { type: 'written', layer: 'basic', place: 'home', minutes: 20, content: '完成练习册本节基础题 1–6 题' },
    { type: 'written', layer: 'advanced', place: 'home', minutes: 25, content: '完成课本练习中的解决问题 3 道，写出思考过程' },
    { type: 'practical', layer: 'basic', place: 'home', minutes: 15, content: '测量家中三件物品的长度，记录并比较' },
    { type: 'written', layer: 'basic', place: 'school', minutes: 20, content: '课后服务时间完成口算 20 题' },
  ],
  english: [
    { type: 'oral', layer: 'basic', place: 'home', minutes: 10, content: '跟读本单元对话录音，模仿语音语调' },
    { type: 'written', layer: 'basic', place: 'home', minutes: 15, content: '抄写本单元单词并默写' },
  ],
  science: [{ type: 'inquiry', layer: 'basic', place: 'home', minutes: 15, content: '观察一种植物的叶子，画出并标注叶脉' }],
  chemistry: [{ type: 'written', layer: 'basic', place: 'home', minutes: 20, content: '完成本节课后习题，整理化学方程式' }],
  physics: [{ type: 'written', layer: 'basic', place: 'home', minutes: 20, content: '完成本节练习，画出受力分析图' }],
  pe: [{ type: 'exercise', layer: 'basic', place: 'home', minutes: 20, content: '跳绳 3 组，每组 1 分钟，记录个数' }],
};

const LOWER_GRADE: Kind[] = [
  { type: 'reading', layer: 'basic', place: 'home', minutes: 15, content: '和家人一起读绘本，讲一讲故事里发生了什么' },
  { type: 'oral', layer: 'basic', place: 'home', minutes: 10, content: '背一背今天学的儿歌' },
  { type: 'written', layer: 'basic', place: 'school', minutes: 15, content: '课后服务时间在校完成生字描红' },
  { type: 'labour', layer: 'basic', place: 'home', minutes: 15, content: '整理自己的书包和书桌' },
];

/** Runs inside the demo's one transaction (`db` is it). */
export async function seedHomeworkDemo(db: Db, districtId: string, today: LocalDate) {
  const next = rng(4242);
  const subjectRows = await db.select().from(subjects).where(eq(subjects.districtId, districtId));
  const subjectByCode = new Map(subjectRows.map((s) => [s.code, s]));
  const classRows = await db
    .select({ c: classes, schoolCode: schools.code })
    .from(classes)
    .innerJoin(schools, and(eq(schools.districtId, classes.districtId), eq(schools.id, classes.schoolId)))
    .where(eq(classes.districtId, districtId));
  const teachers = await db
    .select({ userId: roleAssignments.userId, classId: roleAssignments.classId, subjectId: roleAssignments.subjectId, role: roleAssignments.role, schoolId: roleAssignments.schoolId })
    .from(roleAssignments)
    .where(and(eq(roleAssignments.districtId, districtId), inArray(roleAssignments.role, ['teacher', 'school_admin', 'district_admin'])));
  const names = new Map((await db.select({ id: users.id, name: users.name, username: users.username }).from(users).where(eq(users.districtId, districtId))).map((u) => [u.id, u]));
  const pupils = await db.select({ id: students.id, classId: students.classId }).from(students).where(eq(students.districtId, districtId));
  const from = addDays(today, -28);
  const yesterday = addDays(today, -1);
  const calendar = await classifyDays(db, districtId, null, from, today);
  const schoolDays = calendar.filter((d) => d.schoolDay && d.date <= yesterday).map((d) => d.date);

  const items: (typeof homeworkItems.$inferInsert)[] = [];
  const published: (typeof homeworkPublished.$inferInsert)[] = [];
  const dayRows: (typeof homeworkDays.$inferInsert)[] = [];
  const feedback: (typeof homeworkFeedback.$inferInsert)[] = [];
  const studentDays: (typeof homeworkStudentDays.$inferInsert)[] = [];
  const guardianOf = new Map<string, string>();
  for (const g of await db
    .select({ studentId: guardianLinks.studentId, userId: guardians.userId, guardianId: guardians.id })
    .from(guardianLinks)
    .innerJoin(guardians, and(eq(guardians.districtId, guardianLinks.districtId), eq(guardians.id, guardianLinks.guardianId)))
    .where(eq(guardianLinks.districtId, districtId)))
    if (!guardianOf.has(g.studentId)) guardianOf.set(g.studentId, g.userId ?? g.guardianId);

  const demoClass = classRows.find((r) => r.schoolCode === 'SY01' && r.c.grade === 3 && r.c.name === '三年级(2)班')!.c;
  for (const { c } of classRows) {
    const classTeachers = teachers.filter((t) => t.role === 'teacher' && t.classId === c.id);
    const admin = teachers.find((t) => t.role === 'school_admin' && t.schoolId === c.schoolId)!;
    const kids = pupils.filter((p) => p.classId === c.id);
    // some classes are habitually heavier: the dashboards have something to find
    const heaviness = 0.85 + next() * 0.5;
    for (const date of schoolDays) {
      const chosen: { subjectId: string; teacherId: string; subjectName: string; task: Kind }[] = [];
      for (const t of classTeachers) {
        const subject = subjectRows.find((s) => s.id === t.subjectId)!;
        const pool = c.grade <= 2 ? LOWER_GRADE : TASKS[subject.code];
        if (!pool || (subject.code === 'pe' && next() < 0.6) || (subject.code === 'science' && next() < 0.5)) continue;
        chosen.push({ subjectId: subject.id, teacherId: t.userId, subjectName: subject.name, task: pool[Math.floor(next() * pool.length)]! });
      }
      // keep every published day within its limit, as the platform would have
      const limit = limitFor(policy, 'school_day', c.grade);
      const kept: typeof chosen = [];
      for (const x of chosen) {
        const check = checkClassDay([...kept.map((k) => k.task), x.task].map((t) => ({ ...t })), c.grade, 'school_day', policy);
        if (check.violations.length === 0) kept.push(x);
      }
      if (!kept.length) continue;
      const snapshot = kept.map((k) => {
        const id = crypto.randomUUID();
        items.push({
          districtId, id, schoolId: c.schoolId, classId: c.id, grade: c.grade, subjectId: k.subjectId, teacherId: k.teacherId, date, planKind: 'daily', batchId: id,
          content: k.task.content, type: k.task.type, layer: k.task.layer, place: k.task.place, minutes: k.task.minutes, status: 'ready', checkedBy: admin.userId,
        });
        return { itemId: id, subjectName: k.subjectName, teacherName: names.get(k.teacherId)?.name ?? '', title: null, ...k.task, links: [], attachments: [] };
      });
      const check = checkClassDay(kept.map((k) => k.task), c.grade, 'school_day', policy);
      published.push({
        districtId, classId: c.id, date, version: 1, schoolId: c.schoolId, grade: c.grade, dayKind: 'school_day', limit,
        written: check.written, optional: check.optional, other: check.other, inSchool: check.inSchool, items: snapshot,
        publishedBy: admin.userId, publishedByName: names.get(admin.userId)?.name ?? '', publishedAt: new Date(`${date}T09:30:00+08:00`),
      });
      dayRows.push({ districtId, classId: c.id, date, schoolId: c.schoolId, status: 'published', publishedVersion: 1 });
      for (const kid of kids) {
        if (next() > 0.5) continue;
        let bedtime = next() < 0.025;
        const report = snapshot.map((s) => {
          const done = bedtime ? next() < 0.5 : next() < 0.97;
          const minutes = Math.max(3, Math.round(s.minutes * heaviness * (0.6 + next() * 0.9)));
          return { itemId: s.itemId, counted: countsTowardLimit(s), done, minutes };
        });
        // a bedtime stop leaves a counted item unfinished, as the report form requires
        bedtime &&= bedtimeStopAllowed(report);
        // a few families say when homework ended; now and then after bedtime
        const endedAt = next() < 0.2 ? (next() < 0.1 ? '21:50' : '20:15') : null;
        const judged = judgeStudentDay({ items: report, stoppedAtBedtime: bedtime, endedAt }, limit, bedtimeFor(c.grade, policy));
        const by = guardianOf.get(kid.id) ?? admin.userId;
        for (const r of report) feedback.push({ districtId, studentId: kid.id, itemId: r.itemId, classId: c.id, date, done: r.done, minutes: r.minutes, reportedBy: by });
        studentDays.push({
          districtId, studentId: kid.id, date, classId: c.id, schoolId: c.schoolId, minutes: judged.minutes, finished: judged.finished,
          withinLimit: judged.withinLimit, stoppedAtBedtime: judged.stoppedAtBedtime, endedAt: judged.endedAt, lateMinutes: judged.lateMinutes, reportedBy: by,
        });
      }
    }
  }

  // today in 三年级(2)班: 语文 and 英语 already checked and waiting for the class teacher, 科学 still with the subject leader
  const demoTeachers = teachers.filter((t) => t.role === 'teacher' && t.classId === demoClass.id);
  const teacherOf = (code: string) => demoTeachers.find((t) => t.subjectId === subjectByCode.get(code)!.id)!.userId;
  const todayItems: [string, Kind, 'ready' | 'pending_check'][] = [
    ['chinese', { type: 'written', layer: 'basic', place: 'home', minutes: 25, content: '完成《课堂作业本》第 7 课，并抄写词语表中的词语' }, 'ready'],
    ['english', { type: 'written', layer: 'basic', place: 'home', minutes: 15, content: '抄写 Unit 4 单词并默写，跟读课文录音' }, 'ready'],
    ['science', { type: 'inquiry', layer: 'basic', place: 'home', minutes: 15, content: '观察今晚的月亮，画出月相并记录时间' }, 'pending_check'],
  ];
  for (const [code, task, status] of todayItems) {
    const id = crypto.randomUUID();
    items.push({
      districtId, id, schoolId: demoClass.schoolId, classId: demoClass.id, grade: demoClass.grade, subjectId: subjectByCode.get(code)!.id,
      teacherId: teacherOf(code), date: today, planKind: 'daily', batchId: id, ...task, status,
    });
  }
  dayRows.push({ districtId, classId: demoClass.id, date: today, schoolId: demoClass.schoolId, status: 'open', publishedVersion: 0 });

  await bulkInsert(db, homeworkItems, items);
  await bulkInsert(db, homeworkPublished, published);
  await bulkInsert(db, homeworkDays, dayRows);
  await bulkInsert(db, homeworkFeedback, feedback);
  await bulkInsert(db, homeworkStudentDays, studentDays);
  await seedLibrary(db, districtId, subjectByCode, teachers, demoClass, pupils, published);
  await rebuildRollups(db, districtId, policy);
  return { items: items.length, lists: published.length, reports: studentDays.length };
}

async function seedLibrary(
  db: Db,
  districtId: string,
  subjectByCode: Map<string, typeof subjects.$inferSelect>,
  teachers: { userId: string; classId: string | null; subjectId: string | null; role: string; schoolId: string | null }[],
  demoClass: typeof classes.$inferSelect,
  pupils: { id: string; classId: string }[],
  published: (typeof homeworkPublished.$inferInsert)[],
) {
  // designs come from the demo school's teachers, so the demo school has work in the library
  const author = (code: string) =>
    teachers.find((t) => t.role === 'teacher' && t.subjectId === subjectByCode.get(code)!.id && t.schoolId === demoClass.schoolId) ??
    teachers.find((t) => t.role === 'teacher' && t.subjectId === subjectByCode.get(code)!.id)!;
  const designs: [string, number, string, HomeworkType, Layer, string, string, number, boolean][] = [
    ['math', 3, '第四单元 万以内的加法和减法', 'practical', 'basic', '超市购物小账本', '和家人逛超市时记录 5 件商品的价格，算一算总价和找零，填写购物小账本。', 20, true],
    ['math', 3, '第五单元 倍的认识', 'written', 'advanced', '倍数关系画一画', '用画图的方法表示题目中的倍数关系，再列式解答，共 4 题。', 20, true],
    ['math', 4, '第三单元 角的度量', 'inquiry', 'basic', '生活中的角', '找一找家中的 5 个角，估一估度数再用量角器量一量，记录误差。', 15, false],
    ['chinese', 3, '第三单元 童话', 'written', 'extension', '续编童话', '选做：为《去年的树》续写一个结尾，不少于 150 字。', 20, true],
    ['chinese', 3, '第二单元 古诗', 'oral', 'basic', '古诗配画朗诵', '选一首本单元古诗，配一幅小画，向家人朗诵并讲讲诗意。', 15, false],
    ['english', 3, 'Unit 4 We love animals', 'oral', 'basic', 'Animal sounds 跟读', '跟读动物单词录音，用 "I like ..." 说三句话。', 10, false],
    ['science', 3, '植物的生长变化', 'inquiry', 'basic', '凤仙花种植日记', '种一颗凤仙花种子，每两天记录一次高度和叶片数，坚持两周。', 10, true],
    ['math', 7, '第二章 整式的加减', 'written', 'basic', '整式化简分层练', '基础题 6 道、提高题 2 道（选做），注意去括号的符号。', 25, false],
    ['chinese', 8, '第五单元 说明文', 'written', 'advanced', '家乡的一座桥', '观察家乡的一座桥，运用两种以上说明方法写一段 300 字说明文。', 30, true],
  ];
  const rows = await db
    .insert(homeworkDesigns)
    .values(
      designs.map(([code, grade, unit, type, layer, title, content, minutes, excellent]) => ({
        districtId,
        schoolId: author(code).schoolId,
        authorId: author(code).userId,
        subjectId: subjectByCode.get(code)!.id,
        grade,
        unit,
        type,
        layer,
        title,
        content,
        minutes,
        excellent,
      })),
    )
    .returning();
  const curator = teachers.find((t) => t.role === 'district_admin')!;
  const [collection] = await db
    .insert(homeworkCollections)
    .values({ districtId, name: '2026 秋季学期优秀作业设计', description: '区教研室评选的优秀作业设计案例', createdBy: curator.userId })
    .returning();
  await db.insert(homeworkCollectionDesigns).values(rows.filter((r) => r.excellent).map((r) => ({ districtId, collectionId: collection!.id, designId: r.id })));

  // a few error-notebook entries in the demo class, on the latest published math item
  const mathList = published.filter((p) => p.classId === demoClass.id).at(-1);
  const mathItem = (mathList?.items as { itemId: string; subjectName: string }[] | undefined)?.find((i) => i.subjectName === '数学');
  const kids = pupils.filter((p) => p.classId === demoClass.id).slice(0, 6);
  const questions = ['练习册第 3 题：进位加法算错', '练习册第 3 题：进位加法算错', '解决问题第 2 题：单位没有换算', '练习册第 3 题：进位加法算错', '解决问题第 2 题：单位没有换算', '练习册第 5 题：竖式没对齐'];
  await db.insert(homeworkMistakes).values(
    kids.map((k, i) => ({
      districtId,
      studentId: k.id,
      classId: demoClass.id,
      schoolId: demoClass.schoolId,
      itemId: mathItem?.itemId ?? null,
      subjectId: subjectByCode.get('math')!.id,
      date: mathList?.date ?? null,
      question: questions[i]!,
      note: i % 2 ? '已订正' : null,
      createdBy: teachers[0]!.userId,
    })),
  );
}
