/**
 * Demo 综合素质评价: this semester's growth records for every pupil of the demo district — a class activity per
 * dimension entered in bulk by the class teacher, awards for some, labour-list tasks for the grade, sports and art
 * skills (most pupils reach two sports and one art), comments for many — about nine in ten records complete, the
 * rest missing a dimension or the comment, so the class teacher's list of the incomplete is short but real. The
 * growthComplete figures are written set-based at the end. Runs in demo/five-managements.ts.
 */
import { addDays, daysBetween, examsSettings, labourTasksFor, type LocalDate } from '@shuangjian/policy';
import { sql } from 'drizzle-orm';
import { bulkInsert, type Queryable, rowsOf } from '../platform/db';
import { semesterAt, semestersOf } from '../modules/calendar';
import { refreshGrowthComplete } from '../modules/exams/growth-load.service';
import { growthComments, growthEntries } from '../modules/exams/growth.schema';

type Entry = typeof growthEntries.$inferInsert;
type Comment = typeof growthComments.$inferInsert;
type Dimension = Entry['dimension'];

/** A deterministic 0–1 draw from a text: the demo is the same on every load. */
function draw(key: string): number {
  let h = 2166136261;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
  return ((h >>> 0) % 100000) / 100000;
}
const pick = <T>(list: readonly T[], key: string): T => list[Math.floor(draw(key) * list.length)]!;

/** Class activities, one per dimension, entered once for the whole class. */
const CLASS_ACTIVITIES: Record<Dimension, readonly string[]> = {
  moral: ['“红领巾心向党”主题班会', '国庆升旗仪式', '文明礼仪之星评选', '重阳节敬老志愿服务'],
  intellect: ['班级读书分享会', '科学小实验展示', '数学游戏闯关', '古诗词诵读会'],
  physical: ['秋季田径运动会', '阳光大课间跳绳比赛', '班级足球联赛', '冬季长跑启动仪式'],
  aesthetic: ['校园合唱节', '书画作品展', '课本剧表演', '民族舞蹈欣赏课'],
  labour: ['教室大扫除', '校园种植园劳动', '“我是劳动小能手”展示', '整理图书角'],
};
const AWARDS: readonly { dimension: Dimension; title: string }[] = [
  { dimension: 'moral', title: '校级“三好学生”' },
  { dimension: 'intellect', title: '区作文比赛三等奖' },
  { dimension: 'intellect', title: '科技创新大赛优秀奖' },
  { dimension: 'physical', title: '校运会 60 米第二名' },
  { dimension: 'aesthetic', title: '区书法比赛二等奖' },
];
const SPORTS = ['跳绳', '游泳', '篮球运球', '足球颠球', '乒乓球', '武术操', '立定跳远', '踢毽子'];
const ARTS = ['葫芦丝', '竖笛', '书法', '儿童画', '合唱', '舞蹈', '剪纸'];
const OVERALL = [
  '本学期学习态度端正，乐于助人，能主动参加班级劳动，希望课堂上更大胆地表达自己。',
  '你有礼貌、爱集体，作业认真；体育锻炼坚持得很好，期待你在阅读上更进一步。',
  '思维活跃，动手能力强，积极参加各项活动；希望以后做事更细心一些。',
  '懂事、踏实，热爱劳动，在家能主动分担家务；继续保持，争取培养一项新的兴趣。',
  '性格开朗，与同学相处融洽，艺术活动中表现突出；学习上要养成及时订正的习惯。',
];
const DIMENSION_COMMENTS: Partial<Record<Dimension, readonly string[]>> = {
  physical: ['坚持每天锻炼，跳绳进步明显。', '运动会上表现积极，团队意识强。'],
  labour: ['劳动清单完成认真，能独立整理书包和书桌。', '在家坚持做家务，劳动习惯良好。'],
  aesthetic: ['乐于参加艺术活动，作品有创意。'],
};

interface Pupil {
  id: string;
  name: string;
  school_id: string;
  class_id: string;
  grade: number;
  class_teacher: string | null;
  pe_teacher: string | null;
}

/** A date in [from, to] drawn from a key. */
const dateIn = (from: LocalDate, to: LocalDate, key: string) => addDays(from, Math.floor(draw(key) * (Math.max(daysBetween(from, to), 0) + 1)));

export async function seedExamsGrowthDemo(db: Queryable, districtId: string, today: LocalDate): Promise<void> {
  const semester = semesterAt(await semestersOf(db, districtId), today);
  if (!semester || semester.startDate >= today) return;
  const last = addDays(today, -1) < semester.endDate ? addDays(today, -1) : semester.endDate;
  const growth = examsSettings['exams.growth'].default;
  const pupils = await rowsOf<Pupil>(
    db,
    sql`select s.id, s.name, s.school_id, s.class_id, c.grade,
          (select ra.user_id from role_assignments ra where ra.district_id = s.district_id and ra.class_id = s.class_id and ra.role = 'class_teacher' limit 1) as class_teacher,
          (select ra.user_id from role_assignments ra join subjects sj on sj.district_id = ra.district_id and sj.id = ra.subject_id
            where ra.district_id = s.district_id and ra.class_id = s.class_id and ra.role = 'teacher' and sj.code = 'pe' limit 1) as pe_teacher
        from students s join classes c on c.district_id = s.district_id and c.id = s.class_id
        where s.district_id = ${districtId} and s.status = 'active'
        order by s.class_id, s.student_no`,
  );
  const entries: Entry[] = [];
  const comments: Comment[] = [];
  const batches = new Map<string, string>();
  for (const [i, p] of pupils.entries()) {
    if (!p.class_teacher) continue;
    // each class's last pupil by number lacks the comment, so no class is complete by chance (1 in 70 a class of 40)
    const lastOfClass = pupils[i + 1]?.class_id !== p.class_id;
    const base = { districtId, schoolId: p.school_id, classId: p.class_id, studentId: p.id, semesterId: semester.id };
    const demoChild = p.name === '张小明';
    // about one in ten misses a dimension or the comment (never the demo parent's child; always the class's last)
    const gap = demoChild ? 1 : lastOfClass ? 0.07 : draw(`gap:${p.id}`);
    const skipDimension: Dimension | null = gap < 0.05 ? pick(['aesthetic', 'labour', 'moral'] as const, `skip:${p.id}`) : null;
    const noComment = gap >= 0.05 && gap < 0.1;
    for (const dimension of ['moral', 'intellect', 'physical', 'aesthetic', 'labour'] as const) {
      if (dimension === skipDimension) continue;
      const title = pick(CLASS_ACTIVITIES[dimension], `act:${p.class_id}:${dimension}`);
      const batchKey = `${p.class_id}:${dimension}`;
      if (!batches.has(batchKey)) batches.set(batchKey, crypto.randomUUID());
      entries.push({ ...base, dimension, kind: 'activity', date: dateIn(semester.startDate, last, batchKey), title, batchId: batches.get(batchKey)!, recordedBy: p.class_teacher });
    }
    if (draw(`award:${p.id}`) < 0.25 || demoChild) {
      const award = demoChild ? AWARDS[3]! : pick(AWARDS, `awardpick:${p.id}`);
      if (award.dimension !== skipDimension) entries.push({ ...base, dimension: award.dimension, kind: 'award', date: dateIn(semester.startDate, last, `awd:${p.id}`), title: award.title, recordedBy: p.class_teacher });
    }
    if (skipDimension !== 'labour') {
      const tasks = labourTasksFor(growth.labourList, p.grade);
      const n = demoChild ? 2 : 1 + Math.floor(draw(`lab:${p.id}`) * Math.min(3, tasks.length));
      for (const t of tasks.slice(0, n))
        entries.push({ ...base, dimension: 'labour', kind: 'labour', labourCode: t.code, title: t.name, date: dateIn(semester.startDate, last, `labd:${p.id}:${t.code}`), recordedBy: p.class_teacher });
    }
    // sports skills: most pupils two, some one; art: most one (seed 001: two sports and one art)
    const sports = demoChild ? 2 : draw(`sp:${p.id}`) < 0.75 ? 2 : draw(`sp1:${p.id}`) < 0.7 ? 1 : 0;
    const firstSport = Math.floor(draw(`sport:${p.id}`) * SPORTS.length);
    for (let i = 0; i < sports; i++)
      entries.push({ ...base, dimension: 'physical', kind: 'sports_skill', title: demoChild ? ['跳绳', '游泳'][i]! : SPORTS[(firstSport + i * 3) % SPORTS.length]!, date: dateIn(semester.startDate, last, `spd:${p.id}:${i}`), recordedBy: p.pe_teacher ?? p.class_teacher });
    if (skipDimension !== 'aesthetic' && (demoChild || draw(`art:${p.id}`) < 0.8))
      entries.push({ ...base, dimension: 'aesthetic', kind: 'art_skill', title: demoChild ? '葫芦丝' : pick(ARTS, `artpick:${p.id}`), date: dateIn(semester.startDate, last, `artd:${p.id}`), recordedBy: p.class_teacher });
    if (!noComment && !skipDimension) comments.push({ ...base, scope: 'overall', text: pick(OVERALL, `ov:${p.id}`), authorId: p.class_teacher });
    else if (skipDimension && draw(`c2:${p.id}`) < 0.5) comments.push({ ...base, scope: 'overall', text: pick(OVERALL, `ov:${p.id}`), authorId: p.class_teacher });
    for (const [dimension, texts] of Object.entries(DIMENSION_COMMENTS) as [Dimension, readonly string[]][]) {
      if (noComment || (!demoChild && draw(`dc:${p.id}:${dimension}`) > 0.2)) continue;
      const author = dimension === 'physical' ? (p.pe_teacher ?? p.class_teacher) : p.class_teacher;
      comments.push({ ...base, scope: dimension, text: pick(texts, `dct:${p.id}:${dimension}`), authorId: author });
    }
  }
  await bulkInsert(db, growthEntries, entries);
  await bulkInsert(db, growthComments, comments);
  await refreshGrowthComplete(db, districtId, semester.id, 'all');
}
