import { describe, expect, it } from 'vitest';
import {
  answerGaps,
  checkSubmission,
  DEFAULT_SELFCHECK_ITEMS,
  describeGaps,
  isRectificationOverdue,
  rectifyDeadline,
  type AnswerEvidence,
} from './five-managements-selfcheck';
import { fiveManagementsSettings } from './five-managements.settings';

const pass = (text: string | null, fileCount: number): AnswerEvidence => ({ result: 'pass', text, fileCount, responsible: null });

describe('the default checklist (seed 004 负面清单, national 五项管理 rules)', () => {
  it('covers all five managements with about fifteen items, each naming its basis', () => {
    expect(DEFAULT_SELFCHECK_ITEMS.length).toBeGreaterThanOrEqual(14);
    expect(new Set(DEFAULT_SELFCHECK_ITEMS.map((i) => i.management))).toEqual(new Set(['homework', 'sleep', 'phones', 'reading', 'fitness']));
    for (const i of DEFAULT_SELFCHECK_ITEMS) expect(i.basis.length).toBeGreaterThan(0);
    expect(DEFAULT_SELFCHECK_ITEMS.map((i) => i.text)).toEqual(expect.arrayContaining(['一二年级布置书面家庭作业', '学生手机带入课堂', '大课间少于 30 分钟']));
  });
});

describe('answerGaps: the evidence an answer needs', () => {
  it('an unanswered item lacks an answer', () => expect(answerGaps('text', null)).toEqual(['unanswered']));
  it('符合 with text evidence needs non-blank text', () => {
    expect(answerGaps('text', pass('已检查全部班级', 0))).toEqual([]);
    expect(answerGaps('text', pass('   ', 3))).toEqual(['text']);
  });
  it('符合 with file evidence needs at least one file', () => {
    expect(answerGaps('files', pass(null, 1))).toEqual([]);
    expect(answerGaps('files', pass('说明', 0))).toEqual(['files']);
  });
  it('符合 with both needs text and a file', () => {
    expect(answerGaps('both', pass('说明', 1))).toEqual([]);
    expect(answerGaps('both', pass(null, 0))).toEqual(['text', 'files']);
  });
  it('不符合 needs an account and the person named for the rectification, files optional', () => {
    expect(answerGaps('both', { result: 'fail', text: '三年级体育课被挤占', fileCount: 0, responsible: '张主任' })).toEqual([]);
    expect(answerGaps('files', { result: 'fail', text: '', fileCount: 2, responsible: ' ' })).toEqual(['text', 'responsible']);
  });
});

describe('checkSubmission: every item answered with its evidence', () => {
  const items = [
    { id: 'a', no: 1, evidence: 'text' as const },
    { id: 'b', no: 2, evidence: 'files' as const },
    { id: 'c', no: 3, evidence: 'both' as const },
  ];
  it('passes when all are complete, citing the rule', () => {
    const r = checkSubmission(items, new Map([['a', pass('x', 0)], ['b', pass(null, 1)], ['c', { result: 'fail', text: 'y', fileCount: 0, responsible: '李' }]]));
    expect(r).toEqual({ rule: 'five-managements.selfcheck.evidence', ok: true, missing: [] });
  });
  it('names the incomplete items in order', () => {
    const r = checkSubmission(items, new Map([['b', pass(null, 0)]]));
    expect(r.ok).toBe(false);
    expect(r.missing.map((m) => m.no)).toEqual([1, 2, 3]);
    expect(describeGaps(r.missing)).toBe('第 1 项未作答；第 2 项缺少佐证文件；第 3 项未作答');
  });
});

describe('rectification deadline and overdue (five-managements.selfcheck.rectifyDays)', () => {
  const days = fiveManagementsSettings['five-managements.selfcheck'].default.rectifyDays;
  it('the shipped default is 30 days from the calendar date', () => {
    expect(days).toBe(30);
    expect(rectifyDeadline('2026-11-26', days)).toBe('2026-12-26');
    expect(rectifyDeadline('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('is overdue only after the deadline day, and only while open', () => {
    expect(isRectificationOverdue('2026-12-26', '2026-12-26', 'open')).toBe(false);
    expect(isRectificationOverdue('2026-12-26', '2026-12-27', 'open')).toBe(true);
    expect(isRectificationOverdue('2026-12-26', '2026-12-27', 'fixed')).toBe(false);
    expect(isRectificationOverdue('2026-12-26', '2027-01-27', 'closed')).toBe(false);
  });
});
