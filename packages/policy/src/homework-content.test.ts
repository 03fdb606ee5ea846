import { describe, expect, it } from 'vitest';
import { checkClassDay, defaultHomeworkPolicy as policy, type LoadItem } from './homework';
import { defaultForbiddenPatterns, forbiddenContentIn, forbiddenPatternsIn } from './homework-content';
import { homeworkSettings } from './homework.settings';

const found = (text: string) => forbiddenContentIn(text, policy.forbiddenPhrases, policy.forbiddenPatterns);

describe('homework.forbiddenPatterns: parents asked to check, mark, sign or read for the child, in any wording', () => {
  // seed 003: 杜绝要求家长代阅作业; national: no asking parents to check or mark homework in any form
  it.each([
    ['请家长签字', '家长签字'],
    ['家长代阅', '家长代阅'],
    ['请家长检查作业', '家长检查'],
    ['家长检查并签字', '家长检查'],
    ['请家长监督孩子完成并签字', '家长监督孩子完成并签字'],
    ['背诵课文，由爸爸妈妈签名确认', '爸爸妈妈签名'],
    ['口算 20 题，完成后请家长 签字、批改', '家长签字批改'],
    ['听写词语，请父母帮忙批阅', '父母帮忙批阅'],
    ['完成后交监护人检查', '监护人检查'],
    ['周末作文请家长给孩子打分', '家长给孩子打分'],
  ])('refuses “%s” (found “%s”)', (text, phrase) => {
    expect(found(text)).toContain(phrase);
  });

  it.each([
    '亲子阅读 20 分钟',
    '和家长一起运动 30 分钟',
    '家长陪伴孩子阅读',
    '和家长分享今天学到的古诗',
    '回家给妈妈讲一讲今天的故事',
    '无需家长签字，第二天交给老师',
    '不需要家长检查，老师全批全改',
    '请家长督促孩子按时睡觉',
  ])('allows “%s”', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('looks within one clause only, and no further than the district’s gap', () => {
    expect(forbiddenPatternsIn('家长会在周五召开。检查书包是否带齐', defaultForbiddenPatterns)).toEqual([]);
    expect(forbiddenPatternsIn('请家长和孩子一起整理今天的错题之后再帮他检查', defaultForbiddenPatterns)).toEqual([]);
    expect(forbiddenPatternsIn('请家长和孩子一起整理今天的错题之后再帮他检查', { ...defaultForbiddenPatterns, maxGap: 20 })).toEqual(['家长和孩子一起整理今天的错题之后再帮他检查']);
  });

  it('a district can widen the words, and a check names the phrase with the rule', () => {
    const wider = { ...policy, forbiddenPatterns: { ...defaultForbiddenPatterns, parentWords: [...defaultForbiddenPatterns.parentWords, '奶奶'] } };
    const item: LoadItem = { id: 'a', subjectName: '语文', type: 'reading', layer: 'basic', place: 'home', minutes: 15, content: '朗读课文，奶奶签字' };
    expect(checkClassDay([item], 4, 'school_day', policy).violations).toEqual([]);
    expect(checkClassDay([item], 4, 'school_day', wider).violations).toEqual([
      expect.objectContaining({ rule: 'homework.forbiddenContent', itemId: 'a', phrase: '奶奶签字', message: expect.stringContaining('语文作业含“奶奶签字”') }),
    ]);
  });

  it('the setting’s schema takes the default and refuses an empty word list', () => {
    const schema = homeworkSettings['homework.forbiddenPatterns'].schema;
    expect(schema.safeParse(defaultForbiddenPatterns).success).toBe(true);
    expect(schema.safeParse({ ...defaultForbiddenPatterns, parentWords: [] }).success).toBe(false);
  });
});
