/** Roles and what each may do: one table read by the server's access layer and the web's menus. */
import { z } from 'zod';

export const ROLES = [
  'district_admin',
  'inspector',
  'school_admin',
  'grade_leader',
  'subject_leader',
  'class_teacher',
  'teacher',
  'parent',
  'institution_admin',
  'auditor',
  'system_admin',
  'security_admin',
] as const;
export const Role = z.enum(ROLES);
export type Role = (typeof ROLES)[number];

export const roleLabels: Record<Role, { 'zh-CN': string; en: string }> = {
  district_admin: { 'zh-CN': '区教育局管理员', en: 'District administrator' },
  inspector: { 'zh-CN': '督学', en: 'Inspector' },
  school_admin: { 'zh-CN': '学校管理员（教务处）', en: 'School administrator' },
  grade_leader: { 'zh-CN': '年级组长', en: 'Grade leader' },
  subject_leader: { 'zh-CN': '学科组长', en: 'Subject leader' },
  class_teacher: { 'zh-CN': '班主任', en: 'Class teacher' },
  teacher: { 'zh-CN': '任课教师', en: 'Teacher' },
  parent: { 'zh-CN': '家长', en: 'Parent' },
  institution_admin: { 'zh-CN': '培训机构管理员', en: 'Institution administrator' },
  auditor: { 'zh-CN': '审计管理员', en: 'Auditor' },
  system_admin: { 'zh-CN': '系统管理员', en: 'System administrator' },
  security_admin: { 'zh-CN': '安全管理员', en: 'Security administrator' },
};

/** Where a role assignment sits in the organisation tree. */
export const roleLevel: Record<Role, 'district' | 'zone' | 'school' | 'grade' | 'class' | 'child' | 'institution'> = {
  district_admin: 'district',
  inspector: 'zone',
  school_admin: 'school',
  grade_leader: 'grade',
  subject_leader: 'school',
  class_teacher: 'class',
  teacher: 'class',
  parent: 'child',
  institution_admin: 'institution',
  auditor: 'district',
  system_admin: 'district',
  security_admin: 'district',
};

/** Administrator roles: 三员分立 forbids any of them on the same account as `auditor`. */
export const ADMIN_ROLES: readonly Role[] = ['district_admin', 'school_admin', 'institution_admin', 'system_admin', 'security_admin'];

/**
 * 三员分立: the system administrator (accounts, settings), the security administrator (roles, grants, security policy)
 * and the auditor (the audit log). An account holding one of them holds no other role at all.
 */
export const SEPARATED_ROLES: readonly Role[] = ['system_admin', 'security_admin', 'auditor'];

/** Roles whose accounts must sign in with a second factor (TOTP); parents and teachers may opt in. */
export const SECOND_FACTOR_ROLES: readonly Role[] = ['district_admin', 'inspector', 'school_admin', 'auditor', 'institution_admin', 'system_admin', 'security_admin'];

/** District-level roles only the security administrator grants and revokes. */
export const SECURITY_GRANTED_ROLES: readonly Role[] = SEPARATED_ROLES;

const STAFF: readonly Role[] = ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher'];

export const PERMISSIONS = {
  /** See the organisation within one's scope (schools, classes, students, subjects, calendar). */
  'org.read': ['district_admin', 'inspector', ...STAFF, 'parent', 'institution_admin'],
  /** Create and edit zones, schools and district-wide settings. */
  'district.manage': ['district_admin'],
  /** Create and edit classes, students, guardians within one's scope. */
  'org.manage': ['district_admin', 'school_admin'],
  /** 留守/单亲/困难/残疾 flags: only those who care for the child. */
  'student.sensitive.read': ['district_admin', 'school_admin', 'class_teacher'],
  'student.sensitive.write': ['school_admin', 'class_teacher'],
  /** Guardians' names and phones (masked, 138****1234, unless the next permission covers the class). */
  'guardian.read': ['district_admin', 'school_admin', 'grade_leader', 'class_teacher', 'teacher', 'parent'],
  /** Guardians' full phone numbers: the class teacher of the class and the school's administrator, who call families. */
  'guardian.phone.read': ['school_admin', 'class_teacher'],
  /** A pupil's 居民身份证号 and 家庭住址 in full (each read audited): the class teacher and the school's administrator. */
  'student.identity.read': ['school_admin', 'class_teacher'],
  /** Staff accounts and their roles. */
  'staff.read': ['district_admin', 'inspector', 'school_admin', 'grade_leader', 'subject_leader'],
  'staff.manage': ['district_admin', 'school_admin'],
  'calendar.manage': ['district_admin', 'school_admin'],
  'policy.read': ['district_admin', 'inspector', ...STAFF],
  'policy.manage': ['district_admin'],
  'institution.read': ['district_admin', 'inspector', 'institution_admin'],
  'institution.manage': ['district_admin'],
  'roster.import': ['district_admin', 'school_admin'],
  'audit.read': ['auditor'],
  /** 系统管理员: every account of the district (enable, disable, unlock, reset the password or the second factor). */
  'system.accounts': ['system_admin'],
  /** 系统管理员: the server's running settings (sign-in, sessions, second factor, backups). */
  'system.settings': ['system_admin'],
  /** 安全管理员: grant and revoke district-level roles, the 三员 roles included; read the security policy. */
  'security.grants': ['security_admin'],
  /** Homework items, class days and their measures. */
  'homework.read': ['district_admin', 'inspector', ...STAFF],
  /** Set homework: a teacher, for the classes and subject taught. */
  'homework.set': ['teacher'],
  /** 学科组长把关 / 年级组统一内容: check content of the subject or grade. */
  'homework.check': ['subject_leader', 'grade_leader'],
  /** 班主任协调总量. */
  'homework.coordinate': ['class_teacher'],
  /** 教务处审核把关: approve and publish class days, corrections. */
  'homework.approve': ['school_admin'],
  'homework.settings': ['district_admin', 'school_admin'],
  /** Published lists: parents of the class and staff. */
  'homework.published.read': ['district_admin', 'inspector', ...STAFF, 'parent'],
  /** Actual time and the error notebook, for one's own child. */
  'homework.feedback': ['parent'],
  /** District dashboards. */
  'homework.district': ['district_admin', 'inspector'],
  /** 优质作业资源库: every teacher reads and contributes; leaders mark excellent designs and build collections. */
  'homework.library': ['district_admin', 'inspector', ...STAFF],
  'homework.library.curate': ['district_admin', 'school_admin', 'subject_leader'],
  /** Error notebook of a class (teachers) or of one's child (parents). */
  'homework.mistakes.read': ['school_admin', 'grade_leader', 'subject_leader', 'class_teacher', 'teacher', 'parent'],
  /** 课后服务: a school's plans, courses, windows, rosters and figures (staff of the school, the district). */
  'after-school.read': ['district_admin', 'inspector', ...STAFF],
  /** 一校一案: file the school's plan, keep its course catalogue and enrolment windows (教务处). */
  'after-school.plan': ['school_admin'],
  /** 审核备案: approve or send back school plans; keep the district's provider white list (白名单). */
  'after-school.review': ['district_admin'],
  /** Run sessions: attendance, pick-up sign-out, leave handling (the course's teachers, the class teacher, 教务处). */
  'after-school.run': ['school_admin', 'class_teacher', 'teacher'],
  /** 巡视 and the monthly quality assessment. */
  'after-school.patrol': ['school_admin', 'grade_leader', 'subject_leader'],
  /** Fees, waivers, refunds, payments and settlement (教务处 as the school's finance officer). */
  'after-school.finance': ['school_admin'],
  /** A family's side: choose courses, sign the agreement, opt out, ask for leave, see the bill, answer surveys. */
  'after-school.family': ['parent'],
  /** Build and send satisfaction surveys, read their results. */
  'after-school.survey': ['district_admin', 'school_admin'],
  /** District dashboards and every school's plan status. */
  'after-school.district': ['district_admin', 'inspector'],
  /** 校外培训监管: an institution's registry file, courses, packages, rule findings (the district, inspectors of its zone, its own admin). */
  'training.read': ['district_admin', 'inspector', 'institution_admin'],
  /** An institution files its registry, venues, staff, courses, materials, packages and schedules; records lessons; answers rectifications. */
  'training.file': ['institution_admin'],
  /** The district reviews filings, sets an institution's status (正常/整改/暂停/注销) with a reason, keeps the lists. */
  'training.review': ['district_admin'],
  /** 资金监管: the custody ledger, deposits, bank statement reconciliation (the district). */
  'training.custody': ['district_admin'],
  /** A family's side: buy a package under the standard contract, confirm lessons, ask for a refund, complain. */
  'training.family': ['parent'],
  /** Early-warning alerts and their cases. */
  'training.alerts': ['district_admin', 'inspector'],
  /** 督学: inspections, findings, rectification checks, annual inspection (年检). */
  'training.inspect': ['district_admin', 'inspector'],
  /** 举报: handle complaint tickets (assign to a zone, investigate, answer). */
  'training.complaints': ['district_admin', 'inspector'],
  /** District dashboards of institutions, money and cases. */
  'training.district': ['district_admin', 'inspector'],
  /** 五项管理: a school's and its classes' sleep, phone, reading, fitness and self-check records and figures (staff, the district). */
  'five-managements.read': ['district_admin', 'inspector', ...STAFF],
  /** A family's side: report sleep (one tap for "as usual"), ask to bring a phone (书面申请), read the school's rules. */
  'five-managements.family': ['parent'],
  /** A class's daily records: 大课间, PE, eye exercises, activity; approve phone requests and keep the phone register (班主任). */
  'five-managements.class': ['school_admin', 'class_teacher', 'teacher'],
  /** The school's filings: reading materials brought into school, fitness test results, the semester self-check and its rectifications (教务处). */
  'five-managements.school': ['school_admin'],
  /** The district keeps the recommended and negative reading lists and the self-check checklist, and follows open items. */
  'five-managements.lists': ['district_admin'],
  /** District and school dashboards of every management, drill-down to a class, Excel. */
  'five-managements.district': ['district_admin', 'inspector', 'school_admin'],
  /** 考试管理 and 综合素质评价: a school's exam filings, levels and growth records (staff, the district). */
  'exams.read': ['district_admin', 'inspector', ...STAFF],
  /** File an exam (grade, subjects, type, date), checked against the district's exam rules (教务处); the district files its sample test. */
  'exams.file': ['district_admin', 'school_admin'],
  /** Record results as levels (等级) for the classes and subjects one teaches. */
  'exams.results': ['school_admin', 'class_teacher', 'teacher'],
  /** Growth records (综合素质评价): activities, awards, labour tasks, skills, teacher comments; the class teacher records in bulk. */
  'exams.growth': ['school_admin', 'class_teacher', 'teacher'],
  /** A family sees its own child's levels and growth record, and prints the semester summary. */
  'exams.family': ['parent'],
  /** District and school dashboards of exam filings, violations and growth-record completion. */
  'exams.district': ['district_admin', 'inspector', 'school_admin'],
  /** 课程与课表: a school's timetables, drafts included, 巡课 records and 阴阳课表 findings (staff, the district). */
  'timetable.read': ['district_admin', 'inspector', ...STAFF],
  /** Enter, import and publish (晒课表) class timetables (教务处; a grade leader for the classes of the grade); answer findings. */
  'timetable.manage': ['school_admin', 'grade_leader'],
  /** 巡课: record what was taught in a period (a teacher only for the subject taught in the class). */
  'timetable.patrol': ['district_admin', 'inspector', 'school_admin', 'class_teacher', 'teacher'],
  /** A family's side: the child's class timetable as published. */
  'timetable.family': ['parent'],
  /** District and school figures, Excel; the district (or the zone's inspector) closes or sends back 阴阳课表 findings. */
  'timetable.district': ['district_admin', 'inspector', 'school_admin'],
  /** 家校社协同: visit progress of the classes one reaches, parent meetings and lectures of one's school (staff, the district). */
  'home-school.read': ['district_admin', 'inspector', ...STAFF],
  /** 家访: record a visit to a pupil of a class one teaches (teachers, class teachers; school and grade leaders too). */
  'home-school.visit': ['school_admin', 'grade_leader', 'class_teacher', 'teacher'],
  /** 一人一档: read a special student's file (the class teacher of the class, the school's administrator, the district); the school's designated care staff (关爱专干) besides. */
  'home-school.special.read': ['district_admin', 'school_admin', 'class_teacher'],
  /** Keep a special student's file: care plan, stand-in parent, care records (the class teacher, the school's administrator; designated care staff besides). */
  'home-school.special.write': ['school_admin', 'class_teacher'],
  /** Designate the school's care staff (关爱专干). */
  'home-school.care-staff': ['school_admin'],
  /** A class's parent meetings and weekly online parent lecture (家长教育大讲堂). */
  'home-school.meeting': ['school_admin', 'class_teacher'],
  /** Family-education lectures of the district or a school: create, mark attendance. */
  'home-school.lecture.manage': ['district_admin', 'school_admin'],
  /** A family's side: upcoming meetings and lectures of the children's classes and schools; sign up, cancel. */
  'home-school.family': ['parent'],
  /** District and school dashboards of visits, special students' care (counts only), meetings and lectures; Excel. */
  'home-school.district': ['district_admin', 'inspector', 'school_admin'],
  /** 督导考核: the district home over every module's figures, zone → school, each number linked to its records. */
  'supervision.home': ['district_admin', 'inspector'],
  /** Define a semester assessment (测评细则), close it, publish its scores and lists. */
  'supervision.assess': ['district_admin'],
  /** Score an assessment's inspector-scored indicators with evidence. */
  'supervision.score': ['district_admin', 'inspector'],
  /** A school's own published assessment results. */
  'supervision.results': ['school_admin'],
  /** Send notices, warnings (警示通报) and awards; see receipts; accept or return replies. */
  'supervision.notice.send': ['district_admin'],
  /** Read the notices sent to one (and their receipts are kept). */
  'supervision.notice.read': ['district_admin', 'inspector', ...STAFF, 'institution_admin'],
  /** Reply to a notice for one's school. */
  'supervision.notice.reply': ['school_admin'],
  /** Monthly and semester reports (a school its own): Excel and PDF. */
  'supervision.reports': ['district_admin', 'inspector', 'school_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export function rolesHave(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((r) => roleHas(r, permission));
}
