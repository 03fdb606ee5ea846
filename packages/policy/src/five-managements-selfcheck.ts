/**
 * 五项管理 self-check (自查自纠) rules: the default checklist a district starts from, what evidence an answer needs, when
 * a school may submit, a rectification's deadline and when it is overdue. Seed 004: "认真开展自查自纠并坚决杜绝《云南省
 * 中小学“五项管理”负面清单》禁止内容"; the items follow the national 五项管理 notices (教育部办公厅 2021: 作业、睡眠、
 * 手机、读物、体质).
 */
import { addDays, type LocalDate } from './dates';

export type SelfcheckManagement = 'homework' | 'sleep' | 'phones' | 'reading' | 'fitness';
/** What an item asks the school to show: a written account, files (photos, scans), or both. */
export type EvidenceKind = 'text' | 'files' | 'both';
export type SelfcheckResult = 'pass' | 'fail';

export interface ChecklistItemDraft {
  management: SelfcheckManagement;
  /** The negative-list entry (what must not happen), as the school reads it. */
  text: string;
  evidence: EvidenceKind;
  /** Where the rule comes from. */
  basis: string;
}

/**
 * The default checklist: negative-list entries per management (seed 004's 《云南省中小学“五项管理”负面清单》 follows the
 * national notices; the numbers are theirs: 一二年级不布置书面家庭作业, 小学生睡眠 10 小时 / 初中 9 小时, 大课间 30 分钟,
 * 每天校内体育活动 1 小时, 眼保健操每天两次).
 */
export const DEFAULT_SELFCHECK_ITEMS: readonly ChecklistItemDraft[] = [
  { management: 'homework', text: '一二年级布置书面家庭作业', evidence: 'both', basis: '双减意见 §5；作业管理通知' },
  { management: 'homework', text: '三至六年级书面作业平均完成时间超过 60 分钟，初中超过 90 分钟', evidence: 'both', basis: '双减意见 §5' },
  { management: 'homework', text: '要求家长批改作业或布置由家长完成的作业', evidence: 'text', basis: '作业管理通知 §4' },
  { management: 'homework', text: '布置机械重复、惩罚性作业', evidence: 'text', basis: '作业管理通知 §3' },
  { management: 'sleep', text: '小学上午第一节课早于 8:20、初中早于 8:00，或要求学生提前到校参加统一教学活动', evidence: 'text', basis: '睡眠管理通知 §3' },
  { management: 'sleep', text: '未向家长宣传保证睡眠（小学生每天 10 小时、初中生 9 小时）', evidence: 'files', basis: '睡眠管理通知；seed 004 #23 致家长一封信' },
  { management: 'phones', text: '学生手机带入课堂', evidence: 'text', basis: '手机管理通知 §1；seed 004 #23 禁止学生手机入校' },
  { management: 'phones', text: '未设班主任应急通话热线或公共电话，学生与家长无法应急联系', evidence: 'text', basis: '手机管理通知 §3；seed 004 #23 班主任沟通热线' },
  { management: 'phones', text: '使用手机布置作业或要求学生利用手机完成作业', evidence: 'text', basis: '手机管理通知 §4' },
  { management: 'reading', text: '向学生推荐含负面清单内容的课外读物', evidence: 'both', basis: '读物管理办法 §4' },
  { management: 'reading', text: '组织或要求学生购买教辅材料、征订未经审核的读物', evidence: 'text', basis: '读物管理办法；seed 004 #22 规范教辅使用' },
  { management: 'reading', text: '图书室未开放或无班级读书活动', evidence: 'files', basis: 'seed 004 #23 开放图书室，开展班级读书活动' },
  { management: 'fitness', text: '体育课被挤占或未开足开齐（一二年级每周 4 节，三至九年级每周 3 节）', evidence: 'both', basis: '体质管理通知 §2；seed 004 #23 开足开齐体育课程' },
  { management: 'fitness', text: '大课间少于 30 分钟', evidence: 'both', basis: '体质管理通知 §3；seed 004 #23 上午半小时课间操' },
  { management: 'fitness', text: '学生每天校内体育活动不足 1 小时，或眼保健操少于每天两次', evidence: 'text', basis: '体质管理通知 §3；seed 004 #23 每天上、下午各一次眼保健操' },
  { management: 'fitness', text: '未按学期开展学生体质健康监测', evidence: 'files', basis: '国家学生体质健康标准；seed 003 每学期开展学生体质健康监测' },
];

export interface AnswerEvidence {
  result: SelfcheckResult;
  text: string | null;
  fileCount: number;
  /** The person named for the rectification (不符合 answers). */
  responsible: string | null;
}

/** What an answer still lacks. */
export type AnswerGap = 'unanswered' | 'text' | 'files' | 'responsible';

/**
 * What an answer lacks for submission. 符合 needs the item's evidence (text, files, or both); 不符合 needs a written
 * account of what was found and the person who will rectify it (files optional).
 */
export function answerGaps(evidence: EvidenceKind, answer: AnswerEvidence | null): AnswerGap[] {
  if (!answer) return ['unanswered'];
  const hasText = !!answer.text && answer.text.trim().length > 0;
  const gaps: AnswerGap[] = [];
  if (answer.result === 'fail') {
    if (!hasText) gaps.push('text');
    if (!answer.responsible || !answer.responsible.trim()) gaps.push('responsible');
    return gaps;
  }
  if ((evidence === 'text' || evidence === 'both') && !hasText) gaps.push('text');
  if ((evidence === 'files' || evidence === 'both') && answer.fileCount === 0) gaps.push('files');
  return gaps;
}

export interface SubmissionCheck<Id extends string = string> {
  rule: 'five-managements.selfcheck.evidence';
  ok: boolean;
  missing: { itemId: Id; no: number; gaps: AnswerGap[] }[];
}

/** A school may submit when every item of the checklist is answered with the evidence it requires. */
export function checkSubmission<Id extends string>(
  items: readonly { id: Id; no: number; evidence: EvidenceKind }[],
  answers: ReadonlyMap<Id, AnswerEvidence>,
): SubmissionCheck<Id> {
  const missing = items.map((i) => ({ itemId: i.id, no: i.no, gaps: answerGaps(i.evidence, answers.get(i.id) ?? null) })).filter((m) => m.gaps.length > 0);
  return { rule: 'five-managements.selfcheck.evidence', ok: missing.length === 0, missing };
}

const GAP_WORDS: Record<AnswerGap, string> = { unanswered: '未作答', text: '缺少文字说明', files: '缺少佐证文件', responsible: '未指定整改责任人' };
/** "第 3 项未作答；第 7 项缺少佐证文件" — the refusal names the items. */
export function describeGaps(missing: SubmissionCheck['missing']): string {
  return missing.map((m) => `第 ${m.no} 项${m.gaps.map((g) => GAP_WORDS[g]).join('、')}`).join('；');
}

/** A rectification's deadline: the calendar date it opened plus the district's days (five-managements.selfcheck.rectifyDays). */
export function rectifyDeadline(opened: LocalDate, rectifyDays: number): LocalDate {
  return addDays(opened, rectifyDays);
}

/** Overdue once the deadline day has passed while the rectification is not closed (the deadline day is still in time). */
export function isRectificationOverdue(deadline: LocalDate, today: LocalDate, status: 'open' | 'fixed' | 'closed'): boolean {
  return status === 'open' && today > deadline;
}
