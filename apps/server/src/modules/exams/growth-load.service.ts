/**
 * What the growth area's services share: the semester a request means, the 'exams.growth' setting and its version,
 * loading a pupil or a class the caller reaches, who is the class teacher, refusals citing the rule, entry views, and
 * keeping the growthComplete indicator (class, semester) in the transaction of every change.
 */
import { EXAM_INDICATORS, type GrowthEntryView, growthDimensionLabels, growthKindLabels, type Permission } from '@shuangjian/contracts';
import type { GrowthEntryProblem, LocalDate } from '@shuangjian/policy';
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { coveringGrants, type Ctx, scoped } from '../../platform/access';
import { today } from '../../platform/clock';
import { type Queryable, rowsOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { semesterPeriod, setIndicators } from '../../platform/indicators';
import { users } from '../../platform/schema';
import { semesterAt, semesterById, type SemesterRef, semestersOf } from '../calendar';
import { classKeys, studentDirectory } from '../org';
import { examsPolicy } from './exams.policy';
import { growthComments, growthEntries } from './growth.schema';

export type EntryRow = typeof growthEntries.$inferSelect;
export type PupilRow = typeof studentDirectory.$inferSelect;

/** The semester asked for, or the one in force today; its list for the pickers. */
export async function resolveSemester(ctx: Ctx, semesterId: string | undefined): Promise<{ semester: SemesterRef; semesters: SemesterRef[] }> {
  const list = await semestersOf(ctx.db, ctx.user.districtId);
  const semester = semesterId ? await semesterById(ctx.db, ctx.user.districtId, semesterId) : semesterAt(list, today(ctx));
  if (!semester) throw notFound('学期');
  return { semester, semesters: list };
}

/** The 'exams.growth' setting in force today and the version cited ('exams.growth@<id>'; null = the shipped default). */
export async function growthPolicy(q: Queryable, districtId: string, on: LocalDate) {
  const { values, versions } = await examsPolicy(q, districtId, on);
  const version = versions?.split(',').find((v) => v.startsWith('exams.growth@')) ?? null;
  return { growth: values['exams.growth'], version };
}

/** An active pupil the caller reaches under `permission` (a foreign or unknown id: the same 404). */
export async function visiblePupil(ctx: Ctx, studentId: string, permissions: readonly Permission[], q: Queryable = ctx.db): Promise<PupilRow> {
  const [pupil] = await q
    .select()
    .from(studentDirectory)
    .where(and(or(...permissions.map((p) => scoped(ctx, studentDirectory, p))), eq(studentDirectory.id, studentId), eq(studentDirectory.status, 'active')));
  if (!pupil) throw notFound('学生');
  return pupil;
}

const keysOf = (p: Pick<PupilRow, 'districtId' | 'zoneId' | 'schoolId' | 'classId'>) => classKeys({ districtId: p.districtId, zoneId: p.zoneId, schoolId: p.schoolId, id: p.classId });

/** The caller is this class's class teacher (班主任). */
export function isClassTeacher(ctx: Ctx, at: Pick<PupilRow, 'districtId' | 'zoneId' | 'schoolId' | 'classId'>): boolean {
  return coveringGrants(ctx, 'exams.growth', keysOf(at)).some((g) => g.role === 'class_teacher');
}

/** The class teacher, or the school's administrator: bulk entries and the labour grid. */
export function mayRecordInBulk(ctx: Ctx, at: Pick<PupilRow, 'districtId' | 'zoneId' | 'schoolId' | 'classId'>): boolean {
  return coveringGrants(ctx, 'exams.growth', keysOf(at)).some((g) => g.role === 'class_teacher' || g.role === 'school_admin');
}

/** May record for a pupil of this class: a teacher or the class teacher of the class, or the school's administrator. */
export function mayRecord(ctx: Ctx, at: Pick<PupilRow, 'districtId' | 'zoneId' | 'schoolId' | 'classId'>): boolean {
  return coveringGrants(ctx, 'exams.growth', keysOf(at)).length > 0;
}

const PROBLEMS: Record<GrowthEntryProblem['problem'], string> = {
  missing: '劳动任务须从区劳动教育清单中选择',
  not_on_list: '这项劳动任务不在区劳动教育清单中该年级的任务里',
  wrong_dimension: '该类记录只能记在对应维度',
  code_on_other_kind: '只有劳动清单任务填写清单编号',
  outside_semester: '日期应在本学期内',
  future: '日期不能晚于今天',
};

/** A refused entry: 422 naming the field and the rule, with the policy key and version it applied. */
export function entryRefusal(problem: GrowthEntryProblem, version: string | null, labourNames: Map<string, string>): AppError {
  let message = PROBLEMS[problem.problem];
  if (problem.rule === 'exams.growth.labourList')
    message = `${message}（${problem.grade} 年级可选：${problem.allowed.map((c) => `${c} ${labourNames.get(c) ?? ''}`.trim()).join('、') || '无'}）`;
  if (problem.rule === 'exams.growth.kindDimension') message = `${message}：应记在“${growthDimensionLabels[problem.expected]['zh-CN']}”`;
  if (problem.rule === 'exams.growth.date') message = `${message}（${problem.from} 至 ${problem.to}）`;
  const cited = `${message}。依据：综合素质评价规则 exams.growth（${version ?? '默认'}）`;
  return new AppError(422, 'RULE_VIOLATION', cited, {
    rule: problem.rule,
    policy: 'exams.growth',
    version,
    fields: [{ field: problem.field, message }],
  });
}

export async function userNames(q: Queryable, districtId: string, ids: readonly (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((i): i is string => !!i))];
  if (!unique.length) return new Map();
  const rows = await q.select({ id: users.id, name: users.name }).from(users).where(and(eq(users.districtId, districtId), inArray(users.id, unique)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The caller may correct or delete an entry: its author, or the class teacher of its class. */
export function mayEdit(ctx: Ctx, row: EntryRow, at: Pick<PupilRow, 'districtId' | 'zoneId' | 'schoolId' | 'classId'>): boolean {
  return row.recordedBy === ctx.user.id || isClassTeacher(ctx, at);
}

export function entryView(row: EntryRow, names: Map<string, string>, editable: boolean): GrowthEntryView {
  return {
    id: row.id,
    studentId: row.studentId,
    semesterId: row.semesterId,
    dimension: row.dimension,
    kind: row.kind,
    date: row.date,
    title: row.title,
    detail: row.detail,
    labourCode: row.labourCode,
    recordedByName: names.get(row.recordedBy) ?? '',
    recordedAt: row.createdAt.toISOString(),
    editable,
  };
}

/** What the audit log keeps of an entry. */
export const auditedEntry = (row: EntryRow, pupilName: string) => ({
  student: pupilName,
  dimension: growthDimensionLabels[row.dimension]['zh-CN'],
  kind: growthKindLabels[row.kind]['zh-CN'],
  date: row.date,
  title: row.title,
  detail: row.detail,
  labourCode: row.labourCode,
});

/**
 * Recomputes growthComplete for classes of a semester in one statement and writes it: pupils with an entry in every
 * dimension and a comment / active pupils. Runs in the change's transaction (and set-based from the demo).
 */
export async function refreshGrowthComplete(q: Queryable, districtId: string, semesterId: string, classIds: readonly string[] | 'all'): Promise<void> {
  const only = classIds === 'all' ? sql`` : sql`and s.class_id in (${sql.join(classIds.map((c) => sql`${c}`), sql`, `)})`;
  if (classIds !== 'all' && !classIds.length) return;
  const rows = await rowsOf<{ school_id: string; class_id: string; num: number; den: number }>(
    q,
    sql`select s.school_id, s.class_id, count(*)::int as den,
          count(*) filter (where
            (select count(distinct e.dimension) from ${growthEntries} e
              where e.district_id = s.district_id and e.student_id = s.id and e.semester_id = ${semesterId}) = 5
            and exists (select 1 from ${growthComments} c
              where c.district_id = s.district_id and c.student_id = s.id and c.semester_id = ${semesterId}))::int as num
        from ${studentDirectory} s
        where s.district_id = ${districtId} and s.status = 'active' ${only}
        group by s.school_id, s.class_id`,
  );
  await setIndicators(
    q,
    rows.map((r) => ({
      districtId,
      indicator: EXAM_INDICATORS.growthComplete,
      period: semesterPeriod(semesterId),
      schoolId: r.school_id,
      classId: r.class_id,
      num: Number(r.num),
      den: Number(r.den),
    })),
  );
}
