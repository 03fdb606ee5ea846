/** The roster spreadsheets' shape: columns, required headers, sheet names and instructions, and cell parsers. */
import { gradeNames, type Role, roleLabels, type RosterEntity, type RowError } from '@shuangjian/contracts';
import { isLocalDate } from '@shuangjian/policy';
import { AppError } from '../../platform/errors';
import type { SheetColumn, SheetRow } from '../../platform/excel';

export const C = {
  grade: { header: '年级', key: 'grade', width: 10, note: '1–9 或 一年级…九年级' },
  className: { header: '班级名称', key: 'className', width: 16, note: '如 三年级(2)班，与班级名单一致' },
  entryYear: { header: '入学年份', key: 'entryYear', width: 10, note: '四位年份，如 2024' },
  studentNo: { header: '学号', key: 'studentNo', width: 16, note: '全区唯一，4–20 位字母或数字' },
  name: { header: '姓名', key: 'name', width: 12 },
  gender: { header: '性别', key: 'gender', width: 8, note: '男 或 女' },
  birthDate: { header: '出生日期', key: 'birthDate', width: 14, note: 'YYYY-MM-DD' },
  idNumber: { header: '身份证号', key: 'idNumber', width: 22, note: '18 位居民身份证号，末位可为 X；港澳台或外籍学生可留空' },
  address: { header: '家庭住址', key: 'address', width: 36, note: '不超过 200 字' },
  g1Name: { header: '监护人1姓名', key: 'g1Name', width: 12 },
  g1Phone: { header: '监护人1手机', key: 'g1Phone', width: 14 },
  g1Relation: { header: '监护人1关系', key: 'g1Relation', width: 12, note: '父亲/母亲/祖父/祖母/外祖父/外祖母/其他监护人' },
  g2Name: { header: '监护人2姓名', key: 'g2Name', width: 12 },
  g2Phone: { header: '监护人2手机', key: 'g2Phone', width: 14 },
  g2Relation: { header: '监护人2关系', key: 'g2Relation', width: 12 },
  username: { header: '用户名', key: 'username', width: 16, note: '登录名，3–32 位字母、数字、下划线、点或短横线' },
  phone: { header: '手机', key: 'phone', width: 14 },
  role: { header: '岗位', key: 'role', width: 14, note: '学校管理员（教务处）/年级组长/学科组长/班主任/任课教师' },
  subject: { header: '学科', key: 'subject', width: 10, note: '任课教师、学科组长必填，如 数学' },
} satisfies Record<string, SheetColumn>;

export const rosterColumns: Record<RosterEntity, readonly SheetColumn[]> = {
  classes: [C.grade, C.className, C.entryYear],
  students: [C.studentNo, C.name, C.gender, C.birthDate, C.idNumber, C.grade, C.className, C.address, C.g1Name, C.g1Phone, C.g1Relation, C.g2Name, C.g2Phone, C.g2Relation],
  staff: [C.username, C.name, C.phone, C.role, C.grade, C.className, C.subject],
};
export const required: Record<RosterEntity, readonly string[]> = {
  classes: [C.grade.header, C.className.header, C.entryYear.header],
  students: [C.studentNo.header, C.name.header, C.gender.header, C.birthDate.header, C.grade.header, C.className.header],
  staff: [C.username.header, C.name.header, C.role.header],
};
export const sheetNames: Record<RosterEntity, string> = { classes: '班级', students: '学生及监护人', staff: '教职工' };
export const instructions: Record<RosterEntity, string[]> = {
  classes: ['每行一个班级。已有的班级（同年级同名）只更新入学年份。', '示例：年级 3，班级名称 三年级(2)班，入学年份 2024。'],
  students: [
    '每行一名学生。学号全区唯一：已有学号的行会更新该学生（含调班）。',
    '年级与班级名称须对应本校已有班级；请先导入班级。',
    '监护人手机号为 11 位；同一手机号即同一监护人，可关联多个子女。',
    '身份证号为 18 位（末位可为 X），其中的出生日期须与出生日期一列一致，全区不能重复；家庭住址不超过 200 字。两列均可留空：已有学生留空则保留原值。',
    '示例：20240301, 张小明, 男, 2016-05-12, 140105201605120013, 3, 三年级(2)班, 小店区平阳路 12 号 3 单元 501, 张伟, 13800000001, 父亲',
  ],
  staff: [
    '每行一个岗位；一人多岗位写多行，用户名相同。',
    '新账号的初始密码在导入结果中显示一次，首次登录必须修改。',
    '班主任、任课教师须填年级和班级名称；年级组长须填年级；任课教师、学科组长须填学科。',
  ],
};

export const SCHOOL_ROLES: Partial<Record<string, Role>> = Object.fromEntries(
  (['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'] as const).flatMap((r) => [
    [roleLabels[r]['zh-CN'], r],
    [r, r],
  ]),
);
SCHOOL_ROLES['学校管理员'] = 'school_admin';
SCHOOL_ROLES['教务处'] = 'school_admin';
SCHOOL_ROLES['校长'] = 'school_admin';

export const GENDERS: Record<string, 'M' | 'F'> = { 男: 'M', 女: 'F', M: 'M', F: 'F' };
export const RELATIONS = new Set(['父亲', '母亲', '祖父', '祖母', '外祖父', '外祖母', '其他监护人']);

export function parseGrade(text: string): number | null {
  const n = /^[1-9]$/.test(text) ? Number(text) : gradeNames.indexOf(text as (typeof gradeNames)[number]);
  if (n >= 1 && n <= 9) return n;
  const m = /^([1-9])\s*年级$/.exec(text);
  return m ? Number(m[1]) : null;
}

export function parseDate(text: string): string | null {
  const m = /^(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?$/.exec(text);
  if (!m) return null;
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isLocalDate(date) ? date : null;
}

/** Collects row errors; `fail()` ends the import with all of them. */
export class RowErrors {
  readonly list: RowError[] = [];
  add(row: SheetRow | number, column: string, message: string) {
    this.list.push({ row: typeof row === 'number' ? row : row.rowNumber, column, message });
  }
  fail(rows: number) {
    if (!this.list.length) return;
    this.list.sort((a, b) => a.row - b.row);
    throw new AppError(422, 'IMPORT_INVALID', `共 ${this.list.length} 处错误，未导入任何数据，请修改后重新上传`, { rows, errors: this.list });
  }
}

