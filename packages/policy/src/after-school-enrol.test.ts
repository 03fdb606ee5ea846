import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  agreementText,
  checkChoice,
  choiceRefusalMessage,
  type CourseSlot,
  drawOrder,
  hash32,
  mulberry32,
  sharedWeekdays,
  splitDraw,
  windowState,
} from './after-school-enrol';
import { fen } from './money';

const course = (over: Partial<CourseSlot> = {}): CourseSlot => ({
  id: 'c1',
  name: '足球',
  homework: false,
  grades: [3, 4],
  weekdays: [1, 3],
  startTime: '16:30',
  endTime: '17:30',
  ...over,
});

describe('after-school.enrol.conflict: same weekday and overlapping times', () => {
  it.each([
    ['16:30', '17:30', [1], [1]],
    ['17:00', '18:00', [1, 3], [1, 3]],
    ['17:30', '18:30', [1, 3], []], // back to back
    ['15:30', '16:30', [1], []],
    ['16:00', '18:00', [2, 4], []], // other weekdays
    ['16:45:00', '17:00:00', [3, 5], [3]],
  ])('%s–%s on %j clashes on %j', (start, end, weekdays, clash) => {
    expect(sharedWeekdays(course(), course({ id: 'c2', startTime: start, endTime: end, weekdays }))).toEqual(clash);
  });

  it('refuses a clash, naming the course and the weekdays', () => {
    const held = [course({ id: 'c2', name: '合唱', weekdays: [3, 5] })];
    const r = checkChoice(course(), 3, held, 2);
    expect(r).toEqual({ rule: 'after-school.enrol.conflict', courseId: 'c2', courseName: '合唱', weekdays: [3] });
    expect(choiceRefusalMessage(r!)).toBe('与已选的“合唱”时间冲突（周三）');
  });

  it('does not compare a course with itself', () => {
    expect(checkChoice(course(), 3, [course()], 2)).toBeNull();
  });
});

describe('after-school.enrol.grade', () => {
  it('refuses a course not offered to the grade', () => {
    const r = checkChoice(course({ grades: [5, 6] }), 3, [], 2);
    expect(r?.rule).toBe('after-school.enrol.grade');
    expect(choiceRefusalMessage(r!)).toContain('5年级、6年级');
  });
  it('grade is checked before times', () => {
    expect(checkChoice(course({ grades: [1] }), 3, [course({ id: 'x' })], 2)?.rule).toBe('after-school.enrol.grade');
  });
});

describe('after-school.enrol.maxClubs (homework help not counted)', () => {
  const clubs = [course({ id: 'a', weekdays: [2] }), course({ id: 'b', weekdays: [4] })];
  it('refuses a third club at a limit of 2', () => {
    const r = checkChoice(course({ weekdays: [5] }), 3, clubs, 2);
    expect(r).toEqual({ rule: 'after-school.enrol.maxClubs', limit: 2, held: 2 });
    expect(choiceRefusalMessage(r!)).toBe('每个孩子最多选 2 门社团课程，已选 2 门');
  });
  it('allows homework help whatever the clubs held', () => {
    expect(checkChoice(course({ homework: true, weekdays: [5] }), 3, clubs, 2)).toBeNull();
  });
  it('does not count homework help toward the limit', () => {
    const held = [course({ id: 'h', homework: true, weekdays: [1, 2, 3, 4, 5], startTime: '15:30', endTime: '16:30' }), clubs[0]!];
    expect(checkChoice(course({ weekdays: [5] }), 3, held, 2)).toBeNull();
    expect(checkChoice(course({ weekdays: [5] }), 3, held, 1)?.rule).toBe('after-school.enrol.maxClubs');
  });
});

describe('the lottery draw (摇号)', () => {
  const requests = Array.from({ length: 40 }, (_, i) => ({ id: `r${String(i).padStart(3, '0')}` }));

  it('hash32 is FNV-1a 32-bit (known vectors)', () => {
    expect(hash32('')).toBe(0x811c9dc5);
    expect(hash32('a')).toBe(0xe40c292c);
    expect(hash32('foobar')).toBe(0xbf9cf968);
  });

  it('mulberry32 gives the same stream for the same seed, in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Set(xs).size).toBe(100);
  });

  it('is reproducible from the seed, whatever order the requests arrived in', () => {
    const once = drawOrder('2026-秋-SY01', 'course-1', requests).map((r) => r.id);
    const reversed = drawOrder('2026-秋-SY01', 'course-1', [...requests].reverse()).map((r) => r.id);
    expect(reversed).toEqual(once);
    expect([...once].sort()).toEqual(requests.map((r) => r.id));
  });

  it('differs with another seed or another course', () => {
    const base = drawOrder('seed-a', 'course-1', requests).map((r) => r.id);
    expect(drawOrder('seed-b', 'course-1', requests).map((r) => r.id)).not.toEqual(base);
    expect(drawOrder('seed-a', 'course-2', requests).map((r) => r.id)).not.toEqual(base);
  });

  it('is a permutation for any requests and seed', () => {
    fc.assert(
      fc.property(fc.string(), fc.uniqueArray(fc.string(), { maxLength: 60 }), (seed, ids) => {
        const order = drawOrder(seed, 'c', ids.map((id) => ({ id })));
        expect(order.map((r) => r.id).sort()).toEqual([...ids].sort());
      }),
    );
  });

  it('is roughly uniform: each request comes first about equally often over many seeds', () => {
    const few = requests.slice(0, 4);
    const firsts = new Map<string, number>();
    for (let s = 0; s < 4000; s++) {
      const id = drawOrder(`seed-${s}`, 'c', few)[0]!.id;
      firsts.set(id, (firsts.get(id) ?? 0) + 1);
    }
    for (const r of few) expect(firsts.get(r.id)! / 4000).toBeGreaterThan(0.2);
  });

  it('seats the first ones up to the seats left, the rest wait in draw order', () => {
    expect(splitDraw(['a', 'b', 'c', 'd'], 2)).toEqual({ seated: ['a', 'b'], waitlisted: ['c', 'd'] });
    expect(splitDraw(['a'], 5)).toEqual({ seated: ['a'], waitlisted: [] });
    expect(splitDraw(['a', 'b'], 0)).toEqual({ seated: [], waitlisted: ['a', 'b'] });
    expect(splitDraw(['a', 'b'], -3)).toEqual({ seated: [], waitlisted: ['a', 'b'] });
  });
});

describe('window state', () => {
  const w = { opensAt: new Date('2026-11-20T00:00:00Z'), closesAt: new Date('2026-11-27T00:00:00Z') };
  it.each([
    ['2026-11-19T23:59:59Z', 'upcoming'],
    ['2026-11-20T00:00:00Z', 'open'],
    ['2026-11-26T23:59:59Z', 'open'],
    ['2026-11-27T00:00:00Z', 'closed'],
  ])('%s → %s', (now, state) => expect(windowState(w, new Date(now))).toBe(state));
});

describe('the agreement text (书面协议)', () => {
  const terms = {
    schoolName: '示范区实验小学',
    semesterName: '2026-2027 学年第一学期',
    studentName: '张小明',
    weekdays: [1, 2, 3, 4, 5],
    startTime: '15:40:00',
    endTime: '17:40:00',
    feeMode: 'monthly' as const,
    serviceFeeFen: fen(30000),
    refundMinLeaveDays: 3,
    planVersion: 2,
  };
  it('states times, the fee standard, voluntariness and the refund rule', () => {
    const text = agreementText(terms);
    expect(text).toContain('周一、周二、周三、周四、周五，每天 15:40—17:40');
    expect(text).toContain('每月 300.00 元');
    expect(text).toContain('自愿');
    expect(text).toContain('请假满 3 天起按未服务天数退费');
    expect(text).toContain('第 2 版');
  });
  it('says so when there is no service fee', () => {
    expect(agreementText({ ...terms, serviceFeeFen: fen(0) })).toContain('不收取服务性收费');
    expect(agreementText({ ...terms, feeMode: 'semester' })).toContain('每学期 300.00 元');
  });
  it('changes when a term changes (so a stored hash proves what was signed)', () => {
    expect(agreementText({ ...terms, serviceFeeFen: fen(25000) })).not.toBe(agreementText(terms));
  });
});
