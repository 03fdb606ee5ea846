import { describe, expect, it } from 'vitest';
import {
  bookTitle,
  checkReadingFiling,
  formatIsbn,
  isbn13Of,
  matchBook,
  normalisePublisher,
  normaliseTitle,
  parseGrades,
  parseIsbn,
  READING_RULES,
  readingEntryKey,
  type ReadingListEntryFacts,
} from './five-managements-reading';

describe('normaliseTitle', () => {
  it('drops 《》 marks, quotes, spaces and folds full-width characters', () => {
    expect(normaliseTitle('《小王子》')).toBe('小王子');
    expect(normaliseTitle(' 小 王 子 ')).toBe('小王子');
    expect(normaliseTitle('＂小王子＂')).toBe('小王子');
    expect(normaliseTitle('“小王子”')).toBe('小王子');
    expect(normaliseTitle('〈小王子〉')).toBe('小王子');
    expect(normaliseTitle('ＡＢＣ英语　１００篇')).toBe('abc英语100篇');
    expect(normaliseTitle('黄冈小状元·作业本（三年级上）')).toBe(normaliseTitle('黄冈小状元 作业本 (三年级上)'));
  });
  it('keeps different titles apart', () => {
    expect(normaliseTitle('小王子')).not.toBe(normaliseTitle('王子'));
    expect(normaliseTitle('作业本（三年级上）')).not.toBe(normaliseTitle('作业本（三年级下）'));
  });
});

describe('normalisePublisher', () => {
  it('folds spaces, width and a company suffix', () => {
    expect(normalisePublisher('人民教育出版社有限公司')).toBe('人民教育出版社');
    expect(normalisePublisher(' 人民 教育出版社 ')).toBe('人民教育出版社');
    expect(normalisePublisher('某某文化传播股份有限公司')).toBe('某某文化传播');
  });
});

describe('parseIsbn', () => {
  it('reads ISBN-13 with or without hyphens, spaces, full-width digits and a prefix', () => {
    expect(parseIsbn('978-7-5327-4236-3')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('9787532742363')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('978 7 5327 4236 3')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('９７８－７－５３２７－４２３６－３')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('ISBN 978-7-5327-4236-3')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('ISBN：9787532742363')).toEqual({ ok: true, isbn13: '9787532742363' });
  });
  it('turns an ISBN-10 into its ISBN-13 (978 prefix, new check digit), an X check digit included', () => {
    expect(parseIsbn('7-5327-4236-9')).toEqual({ ok: true, isbn13: '9787532742363' });
    expect(parseIsbn('702000220X')).toEqual({ ok: true, isbn13: '9787020002207' });
    expect(parseIsbn('7-02-000220-x')).toEqual({ ok: true, isbn13: '9787020002207' });
    expect(parseIsbn('0-306-40615-2')).toEqual({ ok: true, isbn13: '9780306406157' });
  });
  it('refuses a wrong check digit, a wrong length, letters and nothing', () => {
    expect(parseIsbn('978-7-5327-4236-4')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseIsbn('7-5327-4236-8')).toEqual({ ok: false, problem: 'checksum' });
    expect(parseIsbn('97875327423')).toEqual({ ok: false, problem: 'length' });
    expect(parseIsbn('97875327423633')).toEqual({ ok: false, problem: 'length' });
    expect(parseIsbn('978753274236X')).toEqual({ ok: false, problem: 'characters' });
    expect(parseIsbn('7X02000220')).toEqual({ ok: false, problem: 'characters' });
    expect(parseIsbn('abc')).toEqual({ ok: false, problem: 'characters' });
    expect(parseIsbn(' - ')).toEqual({ ok: false, problem: 'empty' });
  });
  it('isbn13Of gives null for empty or invalid, and formatIsbn hyphenates', () => {
    expect(isbn13Of(null)).toBeNull();
    expect(isbn13Of('')).toBeNull();
    expect(isbn13Of('123')).toBeNull();
    expect(isbn13Of('7-5327-4236-9')).toBe('9787532742363');
    expect(formatIsbn('9787532742363')).toBe('978-7-5327-4236-3');
    expect(formatIsbn('x')).toBe('x');
  });
});

describe('matchBook', () => {
  it('matches by ISBN when both have one, ISBN-10 against ISBN-13, whatever the titles say', () => {
    expect(matchBook({ title: '小王子（插图版）', isbn: '7-5327-4236-9' }, { title: '小王子', isbn: '9787532742363' })).toBe('isbn');
    expect(matchBook({ title: '小王子', isbn: '9787020002207' }, { title: '小王子', isbn: '9787532742363' })).toBeNull();
  });
  it('falls back to title + publisher when one side has no ISBN', () => {
    expect(matchBook({ title: '《小王子》', publisher: '上海译文出版社有限公司' }, { title: '小王子', publisher: '上海译文出版社', isbn: '9787532742363' })).toBe('title');
    expect(matchBook({ title: '小王子', publisher: '人民文学出版社' }, { title: '小王子', publisher: '上海译文出版社' })).toBeNull();
  });
  it('compares publishers only when both name one (an entry without one covers every edition)', () => {
    expect(matchBook({ title: '小王子', publisher: '人民文学出版社' }, { title: '小王子' })).toBe('title');
    expect(matchBook({ title: '小王子' }, { title: '小王子', publisher: '上海译文出版社' })).toBe('title');
    expect(matchBook({ title: '小王子' }, { title: '大王子' })).toBeNull();
  });
});

describe('readingEntryKey', () => {
  it('is the ISBN-13 when there is one, so ISBN-10 and ISBN-13 of a book are one entry', () => {
    expect(readingEntryKey({ title: 'a', isbn: '7-5327-4236-9' })).toBe(readingEntryKey({ title: 'b', isbn: '978-7-5327-4236-3' }));
  });
  it('is the normalised title and publisher otherwise', () => {
    expect(readingEntryKey({ title: '《小王子》', publisher: '上海译文出版社有限公司' })).toBe('title:小王子|上海译文出版社');
    expect(readingEntryKey({ title: '小王子' })).toBe('title:小王子|');
  });
});

describe('checkReadingFiling', () => {
  const entries: ReadingListEntryFacts[] = [
    { id: 'r1', list: 'recommended', title: '小王子', publisher: '上海译文出版社', isbn: '9787532742363' },
    { id: 'r2', list: 'recommended', title: '同步练习册（四年级上）', publisher: '人民教育出版社' },
    { id: 'n1', list: 'negative', title: '必刷题大全', publisher: '某某文化传播有限公司', reason: '未经审定的教辅，题海训练' },
    { id: 'n2', list: 'negative', title: '恐怖故事集', reason: '内容恐怖暴力，不适合未成年人', isbn: '9787020089871' },
  ];
  it('flags a book on the negative list, naming the entry and its reason and citing the rule', () => {
    const c = checkReadingFiling({ title: '《必刷题大全》', publisher: '某某文化传播', kind: 'supplementary' }, entries);
    expect(c.status).toBe('flagged');
    expect(c.negative).toMatchObject({ entryId: 'n1', title: '必刷题大全', reason: '未经审定的教辅，题海训练', by: 'title' });
    expect(c.rule?.key).toBe(READING_RULES.negative.key);
  });
  it('flags by ISBN-10 against the entry’s ISBN-13', () => {
    const c = checkReadingFiling({ title: '恐怖故事', isbn: '7020089879', kind: 'extracurricular' }, entries);
    expect(c.status).toBe('flagged');
    expect(c.negative).toMatchObject({ entryId: 'n2', by: 'isbn' });
  });
  it('warns on a 教辅 on neither list (规范教辅使用), not on other kinds', () => {
    const w = checkReadingFiling({ title: '口算天天练', publisher: '某出版社', kind: 'supplementary' }, entries);
    expect(w).toMatchObject({ status: 'warning', negative: null, recommended: null, rule: { key: READING_RULES.supplementary.key } });
    expect(checkReadingFiling({ title: '口算天天练', kind: 'extracurricular' }, entries)).toMatchObject({ status: 'ok', rule: null });
    expect(checkReadingFiling({ title: '儿童文学', kind: 'periodical' }, entries).status).toBe('ok');
  });
  it('passes a 教辅 on the recommended list', () => {
    const c = checkReadingFiling({ title: '同步练习册(四年级上)', publisher: '人民教育出版社有限公司', kind: 'supplementary' }, entries);
    expect(c).toMatchObject({ status: 'ok', recommended: { entryId: 'r2', by: 'title' } });
  });
  it('prefers an ISBN match over a title match in the same list', () => {
    const list: ReadingListEntryFacts[] = [
      { id: 'a', list: 'recommended', title: '小王子' },
      { id: 'b', list: 'recommended', title: '另一本', isbn: '9787532742363' },
    ];
    expect(checkReadingFiling({ title: '小王子', isbn: '9787532742363', kind: 'extracurricular' }, list).recommended?.entryId).toBe('b');
  });
  it('is ok with empty lists', () => {
    expect(checkReadingFiling({ title: '小王子', kind: 'other' }, [])).toEqual({ status: 'ok', negative: null, recommended: null, rule: null });
  });
});

describe('parseGrades', () => {
  it('reads single grades, ranges, lists and Chinese numerals', () => {
    expect(parseGrades('3')).toEqual([3]);
    expect(parseGrades('3-5')).toEqual([3, 4, 5]);
    expect(parseGrades('3～5')).toEqual([3, 4, 5]);
    expect(parseGrades('3，4、6')).toEqual([3, 4, 6]);
    expect(parseGrades('三年级')).toEqual([3]);
    expect(parseGrades('七至九年级')).toEqual([7, 8, 9]);
    expect(parseGrades('全部')).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(parseGrades('1-9')).toHaveLength(9);
  });
  it('refuses grades outside 1..9, reversed ranges and words', () => {
    expect(parseGrades('0')).toBeNull();
    expect(parseGrades('10')).toBeNull();
    expect(parseGrades('5-3')).toBeNull();
    expect(parseGrades('1-2-3')).toBeNull();
    expect(parseGrades('高年级')).toBeNull();
    expect(parseGrades('')).toBeNull();
  });
});

describe('bookTitle', () => {
  it('keeps a title without the one pair of 《》 around it', () => {
    expect(bookTitle(' 《夏洛的网》 ')).toBe('夏洛的网');
    expect(bookTitle('《 小王子 》')).toBe('小王子');
    expect(bookTitle('夏洛的网')).toBe('夏洛的网');
    expect(bookTitle('《论语》导读《孟子》')).toBe('《论语》导读《孟子》');
    expect(bookTitle('《》')).toBe('');
  });
});
