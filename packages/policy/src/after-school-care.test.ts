import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kitchenCounts, lunchMonth, markAll, sessionWeeks, summerFee, vacationHolding } from './after-school-care';
import { fen } from './money';

const rules = { refundMinLeaveDays: 1, rounding: 'half-up' as const };

describe('lunchMonth, daily fee', () => {
  it('charges every enrolled day and refunds the leave days', () => {
    expect(lunchMonth({ mode: 'daily', feeFen: fen(1200), schoolDays: 21, enrolledDays: 21, leaveDays: 2, ...rules })).toEqual({
      dueFen: 25200,
      refundFen: 2400,
      netFen: 22800,
      refundDays: 2,
      rule: 'after-school.fees',
    });
  });
  it('refunds no leave below the minimum (after-school.fees.refundMinLeaveDays)', () => {
    const m = lunchMonth({ mode: 'daily', feeFen: fen(1200), schoolDays: 21, enrolledDays: 10, leaveDays: 2, refundMinLeaveDays: 3, rounding: 'half-up' });
    expect(m).toMatchObject({ dueFen: 12000, refundFen: 0, netFen: 12000, refundDays: 0 });
  });
});

describe('lunchMonth, monthly fee', () => {
  it('refunds days not enrolled and leave days as their share of the school days, rounded by the setting', () => {
    // ¥250 a month, 21 school days, enrolled 18, 1 day leave: refund 250 × 4/21 = 47.619… yuan
    const base = { mode: 'monthly' as const, feeFen: fen(25000), schoolDays: 21, enrolledDays: 18, leaveDays: 1, refundMinLeaveDays: 1 };
    expect(lunchMonth({ ...base, rounding: 'half-up' }).refundFen).toBe(4762);
    expect(lunchMonth({ ...base, rounding: 'down' }).refundFen).toBe(4761);
    expect(lunchMonth({ ...base, rounding: 'up' }).refundFen).toBe(4762);
    expect(lunchMonth({ ...base, rounding: 'half-up' })).toMatchObject({ dueFen: 25000, netFen: 20238, refundDays: 4 });
  });
  it('half-even rounds a half fen to the even one', () => {
    // 101 fen × 1/2 = 50.5 → 50 (even); half-up → 51
    const base = { mode: 'monthly' as const, feeFen: fen(101), schoolDays: 2, enrolledDays: 1, leaveDays: 0, refundMinLeaveDays: 1 };
    expect(lunchMonth({ ...base, rounding: 'half-even' }).refundFen).toBe(50);
    expect(lunchMonth({ ...base, rounding: 'half-up' }).refundFen).toBe(51);
  });
  it('costs nothing in a month with no enrolled day', () => {
    expect(lunchMonth({ mode: 'monthly', feeFen: fen(25000), schoolDays: 20, enrolledDays: 0, leaveDays: 0, ...rules }).netFen).toBe(0);
  });
  it('refunds never exceed the fee and the net plus the refund is the fee, whatever the days', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 23 }), fc.nat(), fc.nat(), fc.constantFrom('half-up', 'half-even', 'down', 'up' as const), (fee, school, e, l, rounding) => {
        const enrolledDays = e % (school + 1);
        const leaveDays = l % (enrolledDays + 1);
        for (const mode of ['daily', 'monthly'] as const) {
          const m = lunchMonth({ mode, feeFen: fen(fee), schoolDays: school, enrolledDays, leaveDays, refundMinLeaveDays: 1, rounding });
          expect(m.refundFen).toBeLessThanOrEqual(m.dueFen);
          expect(m.netFen + m.refundFen).toBe(m.dueFen);
          expect(Number.isInteger(m.netFen)).toBe(true);
        }
      }),
    );
  });
  it('refuses impossible day counts', () => {
    expect(() => lunchMonth({ mode: 'daily', feeFen: fen(1), schoolDays: 5, enrolledDays: 6, leaveDays: 0, ...rules })).toThrow(RangeError);
    expect(() => lunchMonth({ mode: 'daily', feeFen: fen(1), schoolDays: 5, enrolledDays: 2, leaveDays: 3, ...rules })).toThrow(RangeError);
  });
});

describe('summer fees', () => {
  it('counts every started week', () => {
    expect(sessionWeeks('2026-07-06', '2026-07-10')).toBe(1);
    expect(sessionWeeks('2026-07-06', '2026-07-12')).toBe(1);
    expect(sessionWeeks('2026-07-06', '2026-07-13')).toBe(2);
    expect(sessionWeeks('2026-07-06', '2026-07-31')).toBe(4);
  });
  it('charges per session or per week, less the waiver share, rounded', () => {
    expect(summerFee('session', fen(80000), '2026-07-06', '2026-07-31', 0, 'half-up')).toEqual({ grossFen: 80000, waivedFen: 0, dueFen: 80000, weeks: 4 });
    expect(summerFee('week', fen(20000), '2026-07-06', '2026-07-31', 0, 'half-up')).toMatchObject({ grossFen: 80000, dueFen: 80000 });
    expect(summerFee('week', fen(20000), '2026-07-06', '2026-07-17', 10_000, 'half-up')).toMatchObject({ grossFen: 40000, waivedFen: 40000, dueFen: 0 });
    // half waived of ¥333.33: 166.665 → half-up 166.67 waived, 166.66 due; down: 166.66 waived
    expect(summerFee('session', fen(33333), '2026-07-06', '2026-07-10', 5000, 'half-up')).toMatchObject({ waivedFen: 16667, dueFen: 16666 });
    expect(summerFee('session', fen(33333), '2026-07-06', '2026-07-10', 5000, 'down')).toMatchObject({ waivedFen: 16666, dueFen: 16667 });
  });
  it('refuses a session ending before it starts and a share over 100 %', () => {
    expect(() => summerFee('session', fen(1), '2026-07-10', '2026-07-06', 0, 'down')).toThrow(RangeError);
    expect(() => summerFee('session', fen(1), '2026-07-06', '2026-07-10', 10_001, 'down')).toThrow(RangeError);
  });
});

describe('vacationHolding', () => {
  const summer = { startDate: '2026-07-04', endDate: '2026-08-31' };
  it('finds the vacation holding the whole session, or none', () => {
    expect(vacationHolding({ startDate: '2026-07-06', endDate: '2026-07-31' }, [summer])).toBe(summer);
    expect(vacationHolding({ startDate: '2026-07-04', endDate: '2026-08-31' }, [summer])).toBe(summer);
    expect(vacationHolding({ startDate: '2026-07-01', endDate: '2026-07-10' }, [summer])).toBeNull();
    expect(vacationHolding({ startDate: '2026-08-20', endDate: '2026-09-02' }, [summer])).toBeNull();
  });
});

describe('lunch attendance and counts', () => {
  it('marks everyone present but the exceptions', () => {
    const marks = markAll(['a', 'b', 'c'], new Map([['b', 'leave' as const]]));
    expect([...marks]).toEqual([
      ['a', 'present'],
      ['b', 'leave'],
      ['c', 'present'],
    ]);
  });
  it('counts meals per kitchen, kitchens without children included', () => {
    const counts = kitchenCounts(['一号厨房', '二号厨房', '三号厨房'], [
      { kitchen: '一号厨房', mark: 'present' },
      { kitchen: '一号厨房', mark: 'leave' },
      { kitchen: '二号厨房', mark: null },
      { kitchen: '二号厨房', mark: 'absent' },
    ]);
    expect(counts).toEqual([
      { kitchen: '一号厨房', enrolled: 2, meals: 1, leave: 1, absent: 0 },
      { kitchen: '二号厨房', enrolled: 2, meals: 1, leave: 0, absent: 1 },
      { kitchen: '三号厨房', enrolled: 0, meals: 0, leave: 0, absent: 0 },
    ]);
  });
});
