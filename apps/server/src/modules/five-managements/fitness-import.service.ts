/**
 * The national student fitness test file (国家学生体质健康标准, 2014 revision) as the school exports it: identity columns
 * (年级编号, 班级名称, 学籍号, 姓名, 性别 …), each item's 成绩 / 得分 / 等级 ("肺活量", "肺活量得分", "肺活量等级"), then 标准分,
 * 附加分, 总分, 等级. Read whole and checked row by row against the school's pupils; any problem refuses the file with
 * every row named, so nothing is half-written. Also the template to download.
 */
import {
  FITNESS_ID_HEADERS,
  FITNESS_IMPORT_ROWS_MAX,
  FITNESS_ITEMS,
  FITNESS_REQUIRED_HEADERS,
  FITNESS_TOTAL_HEADERS,
  type FitnessItemResult,
  type RowError,
} from '@shuangjian/contracts';
import { checkFitnessTotals, fitnessCodeOfGrade, type FitnessLevel, fitnessLevelFromName, gradeFromFitnessCode, scoreTenths } from '@shuangjian/policy';
import { AppError } from '../../platform/errors';
import { buildWorkbook, readSheet, type SheetColumn } from '../../platform/excel';

export interface Pupil {
  id: string;
  studentNo: string;
  name: string;
  grade: number;
  classId: string;
  className: string;
}

export interface ParsedResult {
  row: number;
  studentId: string;
  classId: string;
  grade: number;
  gender: 'M' | 'F';
  heightTenths: number | null;
  weightTenths: number | null;
  items: FitnessItemResult[];
  standardTenths: number;
  extraTenths: number;
  totalTenths: number;
  level: FitnessLevel;
}

const BMI_LEVELS = ['正常', '低体重', '超重', '肥胖'];
const ITEM_LEVELS = ['优秀', '良好', '及格', '不及格'];
const RESULT_MAX = 20;

export const itemColumns = (header: string) => [header, `${header}得分`, `${header}等级`] as const;

/** The template's columns in the standard's order, each with a note on what to type. */
export function fitnessColumns(): SheetColumn[] {
  const id: SheetColumn[] = FITNESS_ID_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: h === '学籍号' ? 16 : h === '班级名称' ? 14 : 10,
    note:
      h === '年级编号'
        ? '11–16：小学一至六年级；21–23：初中一至三年级'
        : h === '性别'
          ? '1 男，2 女'
          : h === '身高'
            ? '厘米，最多一位小数'
            : h === '体重'
              ? '千克，最多一位小数'
              : undefined,
  }));
  const items = FITNESS_ITEMS.flatMap((i) =>
    itemColumns(i.header).map((h, n) => ({
      header: h,
      key: h,
      width: Math.max(10, h.length * 2 + 2),
      note: n === 0 ? '成绩（原始测试值）' : n === 1 ? '单项得分 0–100' : i.key === 'bmi' ? '正常 / 低体重 / 超重 / 肥胖' : '优秀 / 良好 / 及格 / 不及格',
    })),
  );
  const totals: SheetColumn[] = FITNESS_TOTAL_HEADERS.map((h) => ({
    header: h,
    key: h,
    width: 10,
    note: h === '标准分' ? '0–100' : h === '附加分' ? '0–20，没有填 0' : h === '总分' ? '标准分 + 附加分' : '优秀≥90，良好80–89.9，及格60–79.9，不及格<60（按总分）',
  }));
  return [...id, ...items, ...totals];
}

export const FITNESS_INSTRUCTIONS = [
  '国家学生体质健康标准（2014 年修订）测试成绩导入模板：每名学生一行，按学籍号对应本校在读学生。',
  '年级编号：11–16 为小学一至六年级，21–23 为初中一至三年级；性别：1 男，2 女。',
  '每个测试项目三列：成绩（原始值）、得分（0–100，最多一位小数）、等级（优秀/良好/及格/不及格；体重指数为 正常/低体重/超重/肥胖）。没有测的项目留空。',
  '一、二年级：体重指数、肺活量、50米跑、坐位体前屈、一分钟跳绳；三、四年级加一分钟仰卧起坐；五、六年级再加50米×8往返跑。',
  '初中：体重指数、肺活量、50米跑、坐位体前屈、立定跳远，男生引体向上和1000米跑，女生一分钟仰卧起坐和800米跑。',
  '总分 = 标准分 + 附加分；等级按总分评定：优秀 ≥ 90.0，良好 80.0–89.9，及格 60.0–79.9，不及格 ≤ 59.9。',
  '文件有任何错误（学籍号不是本校学生、姓名或年级不符、等级与总分不符等）整份不导入，并逐行列出；同一学期再次导入会替换该生之前的成绩。',
];

/** The template, prefilled with the school's pupils (年级编号, 班级名称, 学籍号, 姓名). */
export async function fitnessTemplate(pupils: readonly Pupil[]): Promise<Buffer> {
  return buildWorkbook({
    name: '体质健康测试成绩',
    columns: fitnessColumns(),
    rows: pupils.map((p) => ({ 年级编号: fitnessCodeOfGrade(p.grade), 班级名称: p.className, 学籍号: p.studentNo, 姓名: p.name })),
    instructions: FITNESS_INSTRUCTIONS,
  });
}

/** Reads and checks a file against the school's pupils (by 学籍号). Throws IMPORT_INVALID listing every problem. */
export async function parseFitnessFile(buffer: Buffer, pupils: readonly Pupil[]): Promise<ParsedResult[]> {
  const rows = await readSheet(buffer, FITNESS_REQUIRED_HEADERS, FITNESS_IMPORT_ROWS_MAX);
  if (!rows.length) throw new AppError(400, 'VALIDATION', '文件（file）：没有数据行');
  const byNo = new Map(pupils.map((p) => [p.studentNo, p]));
  const errors: RowError[] = [];
  const out: ParsedResult[] = [];
  const seen = new Map<string, number>();
  for (const r of rows) {
    const v = (h: string) => (r.values[h] ?? '').trim();
    const before = errors.length;
    const bad = (column: string, message: string) => errors.push({ row: r.rowNumber, column, message });
    const no = v('学籍号');
    const pupil = no ? byNo.get(no) : undefined;
    if (!no) bad('学籍号', '学籍号不能为空');
    else if (seen.has(no)) bad('学籍号', `与第 ${seen.get(no)} 行的学籍号重复`);
    else if (!pupil) bad('学籍号', `本校没有学籍号为 ${no} 的在读学生（未找到或不是本校学生）`);
    if (no && !seen.has(no)) seen.set(no, r.rowNumber);
    if (pupil && v('姓名') !== pupil.name) bad('姓名', `学籍号 ${no} 的学生是「${pupil.name}」，与文件中的「${v('姓名')}」不一致`);
    const grade = gradeFromFitnessCode(v('年级编号'));
    if (grade === null) bad('年级编号', `「${v('年级编号')}」不是义务教育年级编号（11–16、21–23）`);
    else if (pupil && grade !== pupil.grade) bad('年级编号', `年级编号 ${v('年级编号')}（${grade} 年级）与该生所在的 ${pupil.grade} 年级不符`);
    const genderText = v('性别');
    const gender = genderText === '1' || genderText === '男' ? 'M' : genderText === '2' || genderText === '女' ? 'F' : null;
    if (!gender) bad('性别', `「${genderText}」不是性别代码（1 男，2 女）`);
    const measure = (h: string) => {
      if (!v(h)) return null;
      const t = scoreTenths(v(h));
      if (t === null || t === 0) bad(h, `「${v(h)}」不是有效数值（最多一位小数）`);
      return t;
    };
    const heightTenths = measure('身高');
    const weightTenths = measure('体重');
    const items: FitnessItemResult[] = [];
    for (const item of FITNESS_ITEMS) {
      const [resultH, scoreH, levelH] = itemColumns(item.header);
      const result = v(resultH);
      const scoreText = v(scoreH);
      const level = v(levelH);
      if (!result && !scoreText && !level) continue;
      if (result.length > RESULT_MAX) bad(resultH, `成绩过长（最多 ${RESULT_MAX} 个字符）`);
      const score = scoreText ? scoreTenths(scoreText) : null;
      if (scoreText && (score === null || score > 1000)) bad(scoreH, `「${scoreText}」不是 0–100 的得分（最多一位小数）`);
      const levels = item.key === 'bmi' ? BMI_LEVELS : ITEM_LEVELS;
      if (level && !levels.includes(level)) bad(levelH, `「${level}」不是等级（${levels.join(' / ')}）`);
      items.push({ item: item.key, result: result || null, score: score === null ? null : score / 10, level: level || null });
    }
    const total = (h: string, max: number, empty: number | null) => {
      if (!v(h)) {
        if (empty === null) bad(h, `${h}不能为空`);
        return empty ?? 0;
      }
      const t = scoreTenths(v(h));
      if (t === null || t > max) bad(h, `「${v(h)}」不是 0–${max / 10} 的分数（最多一位小数）`);
      return t ?? 0;
    };
    const standardTenths = total('标准分', 1000, null);
    const extraTenths = total('附加分', 200, 0);
    const totalTenths = total('总分', 1200, null);
    const level = fitnessLevelFromName(v('等级'));
    if (!level) bad('等级', `「${v('等级')}」不是等级（优秀 / 良好 / 及格 / 不及格）`);
    if (errors.length === before && level) for (const p of checkFitnessTotals({ standardTenths, extraTenths, totalTenths, level })) bad(p.startsWith('总分') ? '总分' : '等级', p);
    if (errors.length === before && pupil && grade !== null && gender && level)
      out.push({ row: r.rowNumber, studentId: pupil.id, classId: pupil.classId, grade, gender, heightTenths, weightTenths, items, standardTenths, extraTenths, totalTenths, level });
  }
  if (errors.length)
    throw new AppError(422, 'IMPORT_INVALID', `文件有 ${errors.length} 处错误，未导入任何一行：第 ${errors[0]!.row} 行「${errors[0]!.column}」${errors[0]!.message}`, {
      rows: rows.length,
      errors: errors.slice(0, 500),
    });
  return out;
}
