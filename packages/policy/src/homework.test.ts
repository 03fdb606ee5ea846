import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkClassDay,
  classDayOutcome,
  countsTowardLimit,
  defaultHomeworkPolicy as policy,
  forbiddenPhrasesIn,
  itemOverrun,
  judgeStudentDay,
  bedtimeStopAllowed,
  minutesPastBedtime,
  type LoadItem,
  percentile,
  proposeCut,
} from './homework';

const item = (over: Partial<LoadItem> = {}): LoadItem => ({ type: 'written', layer: 'basic', place: 'home', minutes: 20, content: '完成练习册第 12 页', subjectName: '数学', ...over });

describe('homework.dayLimits (national: grades 1–2 none at home, 3–6 ≤ 60, 7–9 ≤ 90)', () => {
  it.each([
    [3, [60], false],
    [3, [40, 21], true],
    [6, [30, 30], false],
    [7, [90], false],
    [7, [45, 46], true],
    [9, [30, 30, 30], false],
  ])('grade %i with %j minutes: over=%s', (grade, minutes, over) => {
    const check = checkClassDay(minutes.map((m) => item({ minutes: m })), grade, 'school_day', policy);
    expect(check.over).toBe(over);
    expect(check.limit).toBe(grade <= 6 ? 60 : 90);
    expect(check.written).toBe(minutes.reduce((a, b) => a + b, 0));
    expect(check.violations.some((v) => v.rule === 'homework.dayLimits')).toBe(over);
  });

  it('does not count optional (拓展), non-written or in-school items, but reports each', () => {
    const check = checkClassDay(
      [item({ minutes: 50 }), item({ minutes: 30, layer: 'extension' }), item({ minutes: 20, type: 'reading' }), item({ minutes: 40, place: 'school' })],
      4,
      'school_day',
      policy,
    );
    expect(check).toMatchObject({ written: 50, optional: 30, other: 20, inSchool: 40, over: false, violations: [] });
  });

  it('forbids written homework at home in grades 1–2, whatever the minutes, but allows it at school', () => {
    const home = checkClassDay([item({ minutes: 5, id: 'a' })], 2, 'school_day', policy);
    expect(home.violations).toEqual([expect.objectContaining({ rule: 'homework.noWrittenAtHome', itemId: 'a' })]);
    expect(checkClassDay([item({ place: 'school' }), item({ type: 'reading' })], 1, 'school_day', policy).violations).toEqual([]);
  });

  it('uses the limits of the kind of day', () => {
    const lighter = { ...policy, dayLimits: { ...policy.dayLimits, vacation: { ...policy.dayLimits.vacation, 5: 40 } } };
    expect(checkClassDay([item({ minutes: 50 })], 5, 'vacation', lighter)).toMatchObject({ limit: 40, over: true });
    expect(checkClassDay([item({ minutes: 50 })], 5, 'weekend', lighter)).toMatchObject({ limit: 60, over: false });
    expect(checkClassDay([item({ minutes: 50 })], 5, 'vacation', policy)).toMatchObject({ limit: 60, over: false });
  });

  it('counts exactly the items that are written, at home and not optional', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            type: fc.constantFrom('written', 'reading', 'practical'),
            layer: fc.constantFrom('basic', 'advanced', 'extension'),
            place: fc.constantFrom('home', 'school'),
            minutes: fc.integer({ min: 1, max: 120 }),
          }),
          { maxLength: 8 },
        ),
        fc.integer({ min: 3, max: 9 }),
        (raw, grade) => {
          const items = raw.map((r) => item(r as Partial<LoadItem>));
          const check = checkClassDay(items, grade, 'school_day', policy);
          const counted = items.filter(countsTowardLimit).reduce((s, i) => s + i.minutes, 0);
          expect(check.written).toBe(counted);
          expect(check.written + check.optional + check.other + check.inSchool).toBe(items.reduce((s, i) => s + i.minutes, 0));
          expect(check.over).toBe(counted > check.limit);
        },
      ),
    );
  });
});

describe('homework.noWrittenGrades and homework.nonWrittenCaps', () => {
  it('the grades without written homework at home are a setting (national default: 1 and 2)', () => {
    expect(checkClassDay([item({ minutes: 10, id: 'a' })], 2, 'school_day', policy)).toMatchObject({ noWrittenGrade: true, over: false });
    const gradeThreeToo = { ...policy, noWrittenGrades: [1, 2, 3] };
    const three = checkClassDay([item({ minutes: 10, id: 'a' })], 3, 'school_day', gradeThreeToo);
    expect(three.violations).toEqual([expect.objectContaining({ rule: 'homework.noWrittenAtHome', message: expect.stringContaining('3年级不布置家庭书面作业') })]);
    // a district that allows grade 2 some written homework also gives it a limit
    const onlyOne = { ...policy, noWrittenGrades: [1], dayLimits: { ...policy.dayLimits, school_day: { ...policy.dayLimits.school_day, 2: 20 } } };
    expect(checkClassDay([item({ minutes: 10 })], 2, 'school_day', onlyOne)).toMatchObject({ noWrittenGrade: false, limit: 20, violations: [] });
    expect(checkClassDay([item({ minutes: 30 })], 2, 'school_day', onlyOne)).toMatchObject({ over: true });
  });

  it('totals required non-written minutes and applies a grade’s cap only where one is set', () => {
    const day = [item({ type: 'practical', minutes: 200 }), item({ type: 'reading', minutes: 40 }), item({ type: 'reading', minutes: 30, layer: 'extension' })];
    const none = checkClassDay(day, 4, 'weekend', policy);
    expect(none).toMatchObject({ other: 270, nonWritten: 240, nonWrittenCap: null, violations: [] });
    const capped = { ...policy, nonWrittenCaps: { ...policy.nonWrittenCaps, 4: 60 } };
    const check = checkClassDay(day, 4, 'weekend', capped);
    expect(check).toMatchObject({ nonWritten: 240, nonWrittenCap: 60 });
    expect(check.violations).toEqual([expect.objectContaining({ rule: 'homework.nonWrittenCap', message: expect.stringContaining('240 分钟，超过4年级每日 60 分钟') })]);
    expect(checkClassDay(day.slice(1), 4, 'weekend', capped).violations).toEqual([]);
  });
});

describe('proposeCut: the shortening that brings a day within its limit', () => {
  it('cuts the largest counted item by the excess', () => {
    const items = [item({ id: 'zh', minutes: 25 }), item({ id: 'en', minutes: 15 }), item({ id: 'ma', minutes: 30 }), item({ id: 'rd', type: 'reading', minutes: 40 })];
    const check = checkClassDay(items, 3, 'school_day', policy);
    expect(proposeCut(items, check)).toMatchObject({ item: { id: 'ma' }, from: 30, to: 20, by: 10 });
    const fixed = items.map((i) => (i.id === 'ma' ? { ...i, minutes: 20 } : i));
    expect(checkClassDay(fixed, 3, 'school_day', policy).over).toBe(false);
  });

  it('proposes nothing within the limit, nor when no single item can take the cut', () => {
    expect(proposeCut([item({ minutes: 50 })], checkClassDay([item({ minutes: 50 })], 3, 'school_day', policy))).toBeNull();
    const big = [item({ id: 'a', minutes: 40 }), item({ id: 'b', minutes: 40 }), item({ id: 'c', minutes: 40 })];
    expect(proposeCut(big, checkClassDay(big, 3, 'school_day', policy))).toBeNull();
  });
});

describe('homework.forbiddenContent', () => {
  it('finds homework for parents and self-marking, ignoring spaces and punctuation', () => {
    expect(forbiddenPhrasesIn('完成后请家长 签字、批改', ['家长签字批改'])).toEqual(['家长签字批改']);
    expect(forbiddenPhrasesIn('口算 20 题，家长批改并拍照上传', policy.forbiddenPhrases)).toContain('家长批改');
    expect(forbiddenPhrasesIn('订正后自批自改', policy.forbiddenPhrases)).toEqual(['自批自改']);
    expect(forbiddenPhrasesIn('和家长分享今天学到的古诗', policy.forbiddenPhrases)).toEqual([]);
    const check = checkClassDay([item({ content: '请家长批改', id: 'x' })], 4, 'school_day', policy);
    expect(check.violations).toEqual([expect.objectContaining({ rule: 'homework.forbiddenContent', itemId: 'x', phrase: '请家长批改' })]);
  });
});

describe('actual time', () => {
  it('percentile uses the nearest rank', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([10], 90)).toBe(10);
    expect(percentile([30, 10, 20, 40], 50)).toBe(20);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
  });

  it('a child is within the limit when every counted item is done in time, or stopped at bedtime', () => {
    const done = (minutes: number) => ({ counted: true, done: true, minutes });
    expect(judgeStudentDay({ items: [done(30), done(25)], stoppedAtBedtime: false }, 60)).toMatchObject({ minutes: 55, finished: true, withinLimit: true });
    expect(judgeStudentDay({ items: [done(40), done(25)], stoppedAtBedtime: false }, 60).withinLimit).toBe(false);
    expect(judgeStudentDay({ items: [done(30), { counted: true, done: false, minutes: 10 }], stoppedAtBedtime: false }, 60).withinLimit).toBe(false);
    expect(judgeStudentDay({ items: [done(80), { counted: true, done: false, minutes: null }], stoppedAtBedtime: true }, 60).withinLimit).toBe(true);
    expect(judgeStudentDay({ items: [done(30), { counted: false, done: true, minutes: 60 }], stoppedAtBedtime: false }, 60).minutes).toBe(30);
  });

  it('a bedtime stop (作业熔断) needs a counted item left unfinished', () => {
    expect(bedtimeStopAllowed([{ counted: true, done: true, minutes: 30 }, { counted: true, done: false, minutes: 20 }])).toBe(true);
    expect(bedtimeStopAllowed([{ counted: true, done: true, minutes: 30 }, { counted: true, done: true, minutes: 20 }])).toBe(false);
    // an unfinished optional or non-written item is not what the limit is about
    expect(bedtimeStopAllowed([{ counted: true, done: true, minutes: 30 }, { counted: false, done: false, minutes: 60 }])).toBe(false);
    // grades 1–2: no counted item, nothing to stop
    expect(bedtimeStopAllowed([{ counted: false, done: false, minutes: 20 }])).toBe(false);
    expect(bedtimeStopAllowed([])).toBe(false);
  });

  it('the time homework ended is measured against bedtime; the small hours belong to the evening before', () => {
    expect(minutesPastBedtime('21:00', '21:20')).toBe(0);
    expect(minutesPastBedtime('21:20', '21:20')).toBe(0);
    expect(minutesPastBedtime('21:45', '21:20')).toBe(25);
    expect(minutesPastBedtime('23:59', '22:00')).toBe(119);
    expect(minutesPastBedtime('00:30', '22:00')).toBe(150);
    expect(minutesPastBedtime('03:00', '21:20')).toBe(340);
    expect(minutesPastBedtime('15:00', '21:20')).toBe(0);
    // a bedtime after midnight (a district's choice) compares the same way
    expect(minutesPastBedtime('23:50', '00:10')).toBe(0);
    expect(minutesPastBedtime('00:40', '00:10')).toBe(30);
  });

  it('a late night is kept beside the judgement and does not change it', () => {
    const items = [{ counted: true, done: true, minutes: 40 }];
    expect(judgeStudentDay({ items, stoppedAtBedtime: false, endedAt: '03:00' }, 60, '21:20')).toMatchObject({ withinLimit: true, overLimit: false, endedAt: '03:00', lateMinutes: 340 });
    expect(judgeStudentDay({ items, stoppedAtBedtime: false, endedAt: '20:10' }, 60, '21:20')).toMatchObject({ endedAt: '20:10', lateMinutes: 0 });
    expect(judgeStudentDay({ items, stoppedAtBedtime: false }, 60, '21:20')).toMatchObject({ endedAt: null, lateMinutes: 0 });
    const late = judgeStudentDay({ items, stoppedAtBedtime: false, endedAt: '22:30' }, 60, '21:20');
    const onTime = judgeStudentDay({ items, stoppedAtBedtime: false, endedAt: '20:30' }, 60, '21:20');
    expect(classDayOutcome([late, onTime, onTime], 0.9)).toMatchObject({ reporters: 3, lateNights: 1, overLimit: 0, overloaded: false });
  });

  it('a class day is over-loaded when more children than the target allows are over the limit, bedtime stops included', () => {
    const s = (minutes: number, stoppedAtBedtime = false) => judgeStudentDay({ items: [{ counted: true, done: !stoppedAtBedtime, minutes }], stoppedAtBedtime }, 60);
    const nine = Array.from({ length: 9 }, () => s(40));
    expect(classDayOutcome([...nine, s(70)], 0.9)).toMatchObject({ reporters: 10, withinLimit: 9, overLimit: 1, overloaded: false });
    expect(classDayOutcome([...nine.slice(0, 8), s(70), s(75)], 0.9)).toMatchObject({ overLimit: 2, overloaded: true });
    // the child who stopped at bedtime is compliant, the class is not
    const stopped = classDayOutcome([...nine.slice(0, 8), s(70), s(50, true)], 0.9);
    expect(stopped).toMatchObject({ withinLimit: 9, bedtimeStops: 1, overLimit: 2, overloaded: true });
    expect(classDayOutcome([s(30), s(50), s(40)], 0.9)).toMatchObject({ medianMinutes: 40, p90Minutes: 50 });
    expect(classDayOutcome([], 0.9)).toMatchObject({ reporters: 0, medianMinutes: null, overloaded: false });
  });

  it('flags an item whose median exceeds 1.5× the estimate once it has 3 reports', () => {
    expect(itemOverrun(20, [35, 31], policy).flagged).toBe(false);
    expect(itemOverrun(20, [35, 31, 10], policy)).toMatchObject({ median: 31, flagged: true });
    expect(itemOverrun(20, [30, 30, 30], policy).flagged).toBe(false);
  });
});
