import { z } from 'zod';
import { Id, LocalDate, pageOf, PageQuery, Timestamp } from './common';

export const AuditEntry = z.object({
  id: z.string(),
  at: Timestamp,
  actorId: Id.nullable(),
  actorName: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** A name for the object, from its before/after when they hold one (a student's name, a course's title). */
  entityName: z.string().nullable(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  ip: z.string().nullable(),
  /** The row's place in the district's hash chain; null until the chaining step (seconds) has reached it. */
  seq: z.number().int().nullable(),
});
export const AuditQuery = PageQuery.extend({
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  actor: z.string().trim().max(40).optional(),
  entity: z.string().trim().max(40).optional(),
  action: z.string().trim().max(60).optional(),
  entityId: z.string().trim().max(60).optional(),
});
export const AuditPage = pageOf(AuditEntry);

/** An export covers whole days of the district; at most this many rows in one file. */
export const AUDIT_EXPORT_MAX_ROWS = 100_000;
export const AuditExportQuery = z.object({ from: LocalDate, to: LocalDate });

export const AuditChainFault = z.object({
  kind: z.enum(['altered', 'inserted', 'missing', 'unlinked']),
  seq: z.number().int(),
  id: z.string().optional(),
  count: z.number().int().optional(),
});
/** The district's chain: rows chained and waiting, and the outcome of the last verification. */
export const AuditChainStatus = z.object({
  chained: z.number().int(),
  unchained: z.number().int(),
  archived: z.number().int(),
  headSeq: z.number().int(),
  /** Time of the oldest row not yet chained (null when none waits). */
  oldestUnchainedAt: Timestamp.nullable(),
  retentionDays: z.number().int(),
  lastVerified: z
    .object({ at: Timestamp, ok: z.boolean(), rowsChecked: z.number().int(), faults: z.number().int(), firstBadSeq: z.number().int().nullable() })
    .nullable(),
});
export const AuditVerifyResult = z.object({ status: AuditChainStatus, faults: z.array(AuditChainFault) });

export const auditChainFaultLabels: Record<z.infer<typeof AuditChainFault>['kind'], string> = {
  altered: '内容被改动',
  inserted: '被插入的记录',
  missing: '缺失的记录',
  unlinked: '链接断开',
};

/** Objects of the log by their entity code, in words. */
export const auditEntityLabels: Record<string, string> = {
  user: '账号', staff: '教职工', district: '区县', zone: '学区/街道', school: '学校', class: '班级', classes: '班级', student: '学生', students: '学生',
  subject: '学科', institution: '培训机构', semester: '学期', calendar_entry: '校历条目', policy: '政策设置', attachment: '附件',
  audit_log: '审计日志', data_key: '数据密钥',
  after_school_agreement: '课后服务协议', after_school_assessments: '课后服务评价', after_school_bills: '课后服务账单', after_school_course: '课后服务课程',
  after_school_enrolment: '课后服务报名', after_school_funds: '课后服务经费', after_school_leaves: '课后服务请假', after_school_lunch_enrolments: '午餐午休报名',
  after_school_lunch_offers: '午餐午休安排', after_school_patrols: '课后服务巡查', after_school_payment_imports: '缴费流水导入', after_school_payments: '课后服务缴费',
  after_school_pickups: '接送记录', after_school_plan: '课后服务方案', after_school_provider: '第三方机构', after_school_sessions: '课后服务课次',
  after_school_settlements: '课后服务结算', after_school_summer_enrolments: '暑期托管报名', after_school_summer_sessions: '暑期托管场次',
  after_school_summer_sites: '暑期托管点', after_school_surveys: '满意度调查', after_school_waivers: '减免', after_school_window: '报名窗口',
  exam_filing: '考试备案', five_fitness_days: '体质健康', five_phone_request: '手机带入申请', five_reading_entry: '读物条目', five_reading_filing: '读物备案',
  five_selfcheck: '五项管理自查', five_selfcheck_answer: '自查答卷', five_selfcheck_checklist: '自查清单', five_selfcheck_rectification: '自查整改',
  growth_comments: '成长评语', growth_entries: '成长记录',
  homework_attachment: '作业附件', homework_collection: '作业资源集', homework_day: '班级当日作业', homework_design: '作业设计', homework_item: '作业',
  hs_class_lecture: '班级家长课', hs_lecture: '家长学校讲座', hs_meeting: '家长会', hs_special_file: '特殊学生档案', hs_visit: '家访',
  supervision_assessment: '督导评估', supervision_notice: '督导通知', supervision_notice_reply: '通知回复', supervision_report: '督导报告',
  supervision_result: '督导结果', supervision_score: '督导评分',
  timetable_finding: '课表问题', timetable_patrol: '课表巡查', timetable_version: '课表版本',
  training_alert: '预警', training_annual_review: '年检', training_complaint: '投诉举报', training_consumption: '课消', training_course: '培训课程',
  training_deposit: '风险保证金', training_finding: '检查问题', training_inspection_photo: '检查照片', training_inspection_plan: '检查计划',
  training_inspection_visit: '现场检查', training_lesson: '课时', training_material: '培训材料', training_order: '培训订单', training_package: '课程包',
  training_profile: '机构档案', training_refund: '退费', training_schedule: '排课', training_staff: '机构人员', training_statement_imports: '对账单导入',
  training_venue: '培训场地', training_violation: '违规记录',
};

/** Every action the server records, in words (checked against the server's code by a test); an unknown one shows its code. */
export const auditActionLabels: Record<string, string> = {
  'auth.login': '登录', 'auth.login_failed': '登录失败', 'auth.locked': '账号锁定', 'auth.logout': '退出登录', 'auth.password_changed': '修改密码',
  'auth.password_ok': '密码验证通过（待二次验证）', 'auth.recovery_codes_renewed': '重新生成恢复码', 'auth.second_factor_disabled': '关闭二次验证',
  'auth.second_factor_enrolled': '开启二次验证', 'auth.second_factor_enrolment_started': '开始绑定二次验证', 'auth.second_factor_failed': '二次验证失败',
  'auth.second_factor_reset': '重置二次验证', 'auth.step_up': '敏感操作前再次验证',
  'audit.verify': '校验审计日志链', 'audit.export': '导出审计日志',
  'demo.seed': '载入演示数据',
  'account.update': '修改账号（系统管理员）', 'account.unlock': '解除账号锁定（系统管理员）', 'account.password_reset': '重置账号密码（系统管理员）',
  'security.grant': '授予岗位权限（安全管理员）', 'security.revoke': '收回岗位权限（安全管理员）', 'data-key.rotate': '轮换数据加密密钥', 'policy.set': '修改政策设置', 'roster.export': '导出名册',
  'zone.create': '新建学区/街道', 'zone.update': '修改学区/街道', 'school.create': '新建学校', 'school.update': '修改学校',
  'class.create': '新建班级', 'class.update': '修改班级', 'class.delete': '删除班级', 'class.import': '导入班级',
  'student.create': '新增学生', 'student.update': '修改学生', 'student.transfer': '调班', 'student.import': '导入学生', 'student.sensitive': '设置特殊学生标记', 'student.identity.read': '查看学生身份证号/家庭住址', 'student.data_export': '家长下载孩子的个人信息',
  'guardian.link': '关联监护人', 'guardian.unlink': '解除监护人', 'guardian.account': '开通家长账号', 'guardian.accounts': '批量开通家长账号', 'guardian.password_reset': '重置家长密码',
  'subject.create': '新建学科', 'subject.update': '修改学科',
  'staff.create': '新建教职工账号', 'staff.update': '修改教职工账号', 'staff.assign': '分配岗位', 'staff.unassign': '撤销岗位', 'staff.password_reset': '重置密码',
  'staff.unlock': '解除锁定', 'staff.import': '导入教职工',
  'institution.create': '登记培训机构', 'institution.update': '修改培训机构',
  'semester.create': '新建学期', 'semester.update': '修改学期', 'semester.delete': '删除学期',
  'calendar.create': '新建校历条目', 'calendar.update': '修改校历条目', 'calendar.delete': '删除校历条目',
  'homework.create': '布置作业', 'homework.update': '修改作业', 'homework.withdraw': '撤回作业', 'homework.copy': '复制作业', 'homework.submit': '提交作业',
  'homework.adjust.shorten': '作业减量', 'homework.adjust.drop': '取消作业', 'homework.day.submit': '提交当日作业审核', 'homework.day.submit.refused': '当日作业提交被拒（超量）',
  'homework.day.return': '退回当日作业', 'homework.day.approve.refused': '当日作业审批被拒（超量）', 'homework.design.create': '新建作业设计',
  'homework.design.update': '修改作业设计', 'homework.excellent.publish': '公示优秀作业', 'homework.feedback': '家长反馈作业时长', 'homework.handin.review': '批阅上交作业',
  'homework.handin.upload': '上传作业', 'homework.marking.record': '记录批改', 'homework.marking.update': '修改批改记录', 'homework.mistake.create': '登记错题',
  'homework.mistake.resolve': '错题订正', 'homework.remind': '发送作业提醒', 'homework.remind.evening': '晚间作业提醒', 'homework.settings': '修改作业设置',
  'homework.attachment.upload': '上传作业附件', 'homework.collection.create': '新建作业资源集', 'homework.collection.add': '加入作业资源集', 'homework.collection.remove': '移出作业资源集',
  'after-school.agreement.sign': '签署课后服务协议', 'after-school.agreement.opt-out': '不参加课后服务', 'after-school.assessment': '课后服务评价',
  'after-school.bills.generate': '生成课后服务账单', 'after-school.course.create': '新建课后服务课程', 'after-school.course.edit': '修改课后服务课程',
  'after-school.enrol.choose': '课后服务选课', 'after-school.enrol.withdraw': '退选课后服务', 'after-school.leave.request': '课后服务请假', 'after-school.leave.cancel': '取消请假',
  'after-school.lunch.attendance': '午餐午休考勤', 'after-school.lunch.end': '结束午餐午休', 'after-school.lunch.enrol': '报名午餐午休', 'after-school.patrol': '课后服务巡查',
  'after-school.payment.match': '缴费匹配', 'after-school.payment.record': '登记缴费', 'after-school.payment.reverse': '冲正缴费', 'after-school.payments.import': '导入缴费流水',
  'after-school.pickup': '接送登记', 'after-school.plan.create': '新建课后服务方案', 'after-school.plan.edit': '修改课后服务方案', 'after-school.plan.submit': '提交课后服务方案',
  'after-school.plan.submit.refused': '课后服务方案提交被拒', 'after-school.provider.list': '登记第三方机构', 'after-school.session.cancel': '取消课后服务课次',
  'after-school.settle': '课后服务结算', 'after-school.subsidy.record': '登记课后服务补助', 'after-school.cost.record': '登记课后服务支出',
  'after-school.summer.attendance': '暑期托管考勤', 'after-school.summer.enrol': '暑期托管报名', 'after-school.summer.rota': '暑期托管排班', 'after-school.summer.session': '暑期托管场次',
  'after-school.summer.site': '暑期托管点', 'after-school.summer.withdraw': '退出暑期托管', 'after-school.survey.answer': '填写满意度调查', 'after-school.survey.create': '新建满意度调查',
  'after-school.survey.delete': '删除满意度调查', 'after-school.survey.send': '发送满意度调查', 'after-school.survey.update': '修改满意度调查',
  'after-school.waiver.add': '登记减免', 'after-school.waiver.revoke': '撤销减免', 'after-school.window.draw': '报名抽签', 'after-school.window.open': '开放报名',
  'exams.filing.create': '考试备案', 'exams.filing.update': '修改考试备案', 'exams.filing.cancel': '撤销考试备案', 'exams.filing.refused': '考试备案被拒',
  'exams.growth.bulk': '批量记录成长', 'exams.growth.comment': '写成长评语', 'exams.growth.correct': '更正成长记录', 'exams.growth.delete': '删除成长记录',
  'exams.growth.labour-grid': '记录劳动教育', 'exams.growth.record': '记录成长', 'exams.results.record': '登记考试结果',
  'five-managements.phones.hotline': '登记亲情电话', 'five-managements.phones.mark': '手机交存登记', 'five-managements.phones.request': '申请带手机入校',
  'five-managements.phones.revoke': '撤销手机带入许可', 'five-managements.phones.withdraw': '撤回手机带入申请',
  'five-managements.reading.delete': '删除读物备案', 'five-managements.reading.entry.create': '新增读物', 'five-managements.reading.entry.delete': '删除读物',
  'five-managements.reading.entry.update': '修改读物', 'five-managements.reading.file': '读物备案', 'five-managements.reading.import': '导入读物',
  'five-managements.reading.list.import': '导入读物清单', 'five-managements.reading.update': '修改读物备案',
  'five-managements.selfcheck.answer': '填写五项管理自查', 'five-managements.selfcheck.checklist.create': '新建自查清单', 'five-managements.selfcheck.checklist.publish': '发布自查清单',
  'five-managements.selfcheck.checklist.update': '修改自查清单', 'five-managements.selfcheck.finding': '登记自查问题', 'five-managements.selfcheck.fix': '提交整改',
  'five-managements.selfcheck.overdue': '整改逾期', 'five-managements.selfcheck.responsible': '指定整改责任人', 'five-managements.selfcheck.submit': '提交自查',
  'five-managements.selfcheck.close': '整改销号', 'five-managements.selfcheck.send_back': '退回整改', 'five-managements.selfcheck.file.upload': '上传自查佐证',
  'five-managements.sleep.usual': '登记作息', 'five-managements.fitness.tests.import': '导入体质测试成绩',
  'home-school.care-staff.add': '增加关爱责任人', 'home-school.care-staff.remove': '移除关爱责任人', 'home-school.class-lecture.record': '记录班级家长课',
  'home-school.lecture.attendance': '讲座签到', 'home-school.lecture.cancel': '取消讲座', 'home-school.lecture.create': '新建家长学校讲座', 'home-school.lecture.signup': '报名讲座',
  'home-school.meeting.held': '家长会已召开', 'home-school.meeting.plan': '计划家长会', 'home-school.special.care': '登记关爱记录', 'home-school.special.list': '查看特殊学生名单',
  'home-school.special.read': '查看特殊学生档案', 'home-school.visit.follow-up': '家访跟进', 'home-school.visit.record': '记录家访',
  'supervision.assessment.close': '关闭督导评估', 'supervision.assessment.create': '新建督导评估', 'supervision.assessment.delete': '删除督导评估',
  'supervision.assessment.indicators': '设置评估指标', 'supervision.assessment.open': '开始督导评估', 'supervision.assessment.publish': '公布督导评估',
  'supervision.assessment.update': '修改督导评估', 'supervision.notice.read': '阅读督导通知', 'supervision.notice.send': '发送督导通知', 'supervision.reply.submit': '回复督导通知',
  'supervision.report.generate': '生成督导报告', 'supervision.result.award': '评定督导结果', 'supervision.score.put': '督导评分',
  'supervision.evidence.file.upload': '上传督导佐证', 'supervision.notice-reply.file.upload': '上传回复附件',
  'timetable.draft.save': '保存课表草稿', 'timetable.finding.answer': '答复课表问题', 'timetable.finding.close': '课表问题销号', 'timetable.finding.send_back': '退回课表问题',
  'timetable.publish': '发布课表',
  'training.alert.assign': '分派预警', 'training.alert.close': '关闭预警', 'training.alert.note': '预警备注', 'training.alert.open': '产生预警', 'training.annual.decide': '年检结论',
  'training.complaint.file': '提交投诉举报', 'training.complaint.assigned': '分派投诉', 'training.complaint.investigating': '调查投诉', 'training.complaint.answered': '答复投诉',
  'training.complaint.closed': '办结投诉', 'training.complaint.received': '受理投诉',
  'training.consumption.confirm': '确认课消', 'training.consumption.dispute': '对课消提出异议',
  'training.course.create': '新建培训课程', 'training.course.edit': '修改培训课程', 'training.course.submit': '提交培训课程审核', 'training.course.approve': '培训课程审核通过',
  'training.course.return': '退回培训课程', 'training.course.refused': '培训课程被拒（违规）',
  'training.package.create': '新建课程包', 'training.package.edit': '修改课程包', 'training.package.submit': '提交课程包审核', 'training.package.approve': '课程包审核通过',
  'training.package.return': '退回课程包', 'training.package.refused': '课程包被拒（违规）',
  'training.material.create': '新建培训材料', 'training.material.edit': '修改培训材料', 'training.material.submit': '提交培训材料审核', 'training.material.approve': '培训材料审核通过',
  'training.material.return': '退回培训材料',
  'training.profile.edit': '修改机构档案', 'training.profile.submit': '提交机构档案审核', 'training.profile.approve': '机构档案审核通过', 'training.profile.return': '退回机构档案',
  'training.schedule.create': '排课', 'training.schedule.delete': '删除排课', 'training.schedule.refused': '排课被拒（违规）',
  'training.lesson.record': '记录课时', 'training.lesson.refused': '课时被拒（违规）', 'training.order.place': '下单', 'training.order.refused': '下单被拒（违规）',
  'training.deposit.deposit': '缴存风险保证金', 'training.deposit.release': '释放风险保证金',
  'training.inspection.photo': '上传检查照片', 'training.inspection.plan': '制定检查计划', 'training.inspection.plan.done': '检查计划完成',
  'training.inspection.plan.cancelled': '取消检查计划', 'training.inspection.visit': '现场检查',
  'training.institution.status': '变更机构状态', 'training.reconcile.import': '导入对账单', 'training.reconcile.rerun': '重新对账',
  'training.rectification.deadline': '设定整改期限', 'training.rectification.overdue': '整改逾期', 'training.rectification.respond': '提交整改',
  'training.rectification.close': '整改销号', 'training.rectification.send_back': '退回整改',
  'training.refund.pay': '支付退费', 'training.refund.request': '申请退费', 'training.staff.create': '登记机构人员', 'training.staff.edit': '修改机构人员',
  'training.venue.create': '登记培训场地', 'training.venue.edit': '修改培训场地', 'training.violation.record': '记录违规', 'training.violation.resolve': '违规已处理',
};

/** Keys of before/after that name the object, most telling first. */
const NAME_KEYS = ['name', 'title', 'studentName', 'username', 'className', 'schoolName', 'institution', 'label', 'fileName'];

/** A name for the row's object from its before/after, when they hold one. */
export function auditEntityName(before: unknown, after: unknown): string | null {
  for (const side of [after, before]) {
    if (!side || typeof side !== 'object' || Array.isArray(side)) continue;
    for (const key of NAME_KEYS) {
      const v = (side as Record<string, unknown>)[key];
      if (typeof v === 'string' && v.trim()) return v.trim().slice(0, 80);
    }
  }
  return null;
}
