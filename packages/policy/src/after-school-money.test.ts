import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyOldestFirst,
  billFigures,
  billState,
  lessonsTaken,
  monthBounds,
  monthFee,
  nominalServiceDays,
  passThroughFee,
  refundForMonth,
  semesterMonths,
  settle,
  takeBack,
  waiverAmount,
  waiverCategory,
} from './after-school-money';
import type { LocalDate } from './dates';
import { type Fen, fen, sum } from './money';

const d = (s: string) => s as LocalDate;
const none = new Set<LocalDate>();

describe('months and service days', () => {
  it('bounds a month, leap years included', () => {
    expect(monthBounds('2026-02')).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(monthBounds('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(monthBounds('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('lists the months a semester touches across a new year', () => {
    expect(semesterMonths(d('2026-09-01'), d('2027-01-20'))).toEqual(['2026-09', '2026-10', '2026-11', '2026-12', '2027-01']);
    expect(semesterMonths(d('2026-09-01'), d('2026-09-30'))).toEqual(['2026-09']);
  });
  it('counts the plan weekdays inside the semester and the month', () => {
    // November 2026: 1st is a Sunday; 21 weekdays
    expect(nominalServiceDays('2026-11', { start: d('2026-09-01'), end: d('2027-01-20') }, [1, 2, 3, 4, 5])).toHaveLength(21);
    // January 2027 cut at the 20th: Jan 1 (Fri) … 20 (Wed) → 14 weekdays
    expect(nominalServiceDays('2027-01', { start: d('2026-09-01'), end: d('2027-01-20') }, [1, 2, 3, 4, 5])).toHaveLength(14);
    expect(nominalServiceDays('2026-11', { start: d('2026-09-01'), end: d('2027-01-20') }, [3])).toEqual(['2026-11-04', '2026-11-11', '2026-11-18', '2026-11-25']);
    expect(nominalServiceDays('2027-03', { start: d('2026-09-01'), end: d('2027-01-20') }, [1, 2, 3, 4, 5])).toEqual([]);
  });
});

describe('monthFee', () => {
  const months = ['2026-09', '2026-10', '2026-11'];
  it('is the monthly fee each month', () => {
    expect(monthFee({ basis: 'monthly', amountFen: fen(20000) }, months, '2026-10')).toBe(20000);
  });
  it('spreads a semester fee over its months, the odd fen to the first months, adding up exactly', () => {
    const plan = { basis: 'semester', amountFen: fen(100001) } as const;
    const parts = months.map((m) => monthFee(plan, months, m));
    expect(parts).toEqual([33334, 33334, 33333]);
    expect(sum(parts)).toBe(100001);
    expect(monthFee(plan, months, '2027-03')).toBe(0);
  });
});

describe('waivers', () => {
  const categories = [
    { code: 'low_income', label: '困难', shareBp: 10000 },
    { code: 'second_child', label: '多孩', shareBp: 5000 },
  ];
  it('takes the largest share among the child categories, never their sum', () => {
    expect(waiverCategory(categories, ['second_child', 'low_income'])?.code).toBe('low_income');
    expect(waiverCategory(categories, ['second_child'])?.shareBp).toBe(5000);
    expect(waiverCategory(categories, ['unknown'])).toBeNull();
    expect(waiverCategory(categories, [])).toBeNull();
  });
  it('waives the share with the named rounding', () => {
    expect(waiverAmount(fen(20000), 10000, 'half-up')).toBe(20000);
    expect(waiverAmount(fen(20001), 5000, 'half-up')).toBe(10001); // 10000.5 → 10001
    expect(waiverAmount(fen(20001), 5000, 'half-even')).toBe(10000);
    expect(waiverAmount(fen(20001), 5000, 'down')).toBe(10000);
    expect(waiverAmount(fen(33333), 3333, 'up')).toBe(11110); // 11109.8889 → 11110
    expect(waiverAmount(fen(20000), 0, 'half-up')).toBe(0);
  });
});

describe('refundForMonth', () => {
  const days = nominalServiceDays('2026-11', { start: d('2026-09-01'), end: d('2027-01-20') }, [1, 2, 3, 4, 5]); // 21
  const base = { netFee: fen(20000), serviceDays: days, closedDays: none, leaveDays: none, optOutFrom: null, refundMinLeaveDays: 1, rounding: 'half-up' as const };

  it('refunds nothing when every day was taken', () => {
    expect(refundForMonth(base)).toMatchObject({ refund: 0, untaken: 0, serviceDays: 21 });
  });
  it('refunds leave days at fee × untaken / service days, rounded as set', () => {
    const leaveDays = new Set([d('2026-11-02'), d('2026-11-03')]);
    // 20000 × 2 / 21 = 1904.76…
    expect(refundForMonth({ ...base, leaveDays }).refund).toBe(1905);
    expect(refundForMonth({ ...base, leaveDays, rounding: 'down' }).refund).toBe(1904);
    expect(refundForMonth({ ...base, leaveDays, rounding: 'up' }).refund).toBe(1905);
    expect(refundForMonth({ ...base, leaveDays, rounding: 'half-even' }).refund).toBe(1905);
  });
  it('half-even and half-up differ on an exact half', () => {
    // 1 of 10 days: 25 → 2.5 fen, 35 → 3.5 fen
    const ten = days.slice(0, 10);
    const leaveDays = new Set([days[0]!]);
    expect(refundForMonth({ ...base, serviceDays: ten, netFee: fen(25), leaveDays, rounding: 'half-up' }).refund).toBe(3); // 2.5
    expect(refundForMonth({ ...base, serviceDays: ten, netFee: fen(25), leaveDays, rounding: 'half-even' }).refund).toBe(2);
    expect(refundForMonth({ ...base, serviceDays: ten, netFee: fen(35), leaveDays, rounding: 'half-even' }).refund).toBe(4); // 3.5
  });
  it('ignores leave below the minimum number of leave days', () => {
    const leaveDays = new Set([d('2026-11-02'), d('2026-11-03')]);
    expect(refundForMonth({ ...base, leaveDays, refundMinLeaveDays: 3 })).toMatchObject({ refund: 0, leave: 0 });
    expect(refundForMonth({ ...base, leaveDays, refundMinLeaveDays: 2 })).toMatchObject({ leave: 2 });
  });
  it('leave on a weekend or outside the month is not a service day', () => {
    const leaveDays = new Set([d('2026-11-07'), d('2026-11-08'), d('2026-10-30')]);
    expect(refundForMonth({ ...base, leaveDays }).refund).toBe(0);
  });
  it('refunds every day from the opt-out on, and a day counts once', () => {
    const r = refundForMonth({ ...base, optOutFrom: d('2026-11-23'), leaveDays: new Set([d('2026-11-24')]) });
    // 23–30 November: 6 weekdays
    expect(r).toMatchObject({ optedOut: 6, leave: 0, untaken: 6 });
    expect(r.refund).toBe(5714); // 20000 × 6 / 21 = 5714.28
  });
  it('refunds school closures (calendar non-school days, cancelled sessions) whatever the leave minimum', () => {
    const r = refundForMonth({ ...base, closedDays: new Set([d('2026-11-02')]), leaveDays: new Set([d('2026-11-02'), d('2026-11-03')]), refundMinLeaveDays: 2 });
    expect(r).toMatchObject({ closed: 1, leave: 0, untaken: 1 });
    expect(r.refund).toBe(952); // 952.38
  });
  it('refunds the whole net fee when no day was taken, and nothing of a fully waived fee', () => {
    expect(refundForMonth({ ...base, optOutFrom: d('2026-11-01') }).refund).toBe(20000);
    expect(refundForMonth({ ...base, netFee: fen(0), optOutFrom: d('2026-11-01') }).refund).toBe(0);
  });
  it('a month without service days refunds nothing', () => {
    expect(refundForMonth({ ...base, serviceDays: [] })).toMatchObject({ refund: 0, serviceDays: 0 });
  });
});

describe('pass-through fees', () => {
  const sessions = [
    { date: d('2026-11-04'), status: 'held' as const },
    { date: d('2026-11-11'), status: 'cancelled' as const },
    { date: d('2026-11-18'), status: 'held' as const },
    { date: d('2026-11-25'), status: 'held' as const },
  ];
  it('counts held lessons while enrolled, leave excluded', () => {
    expect(lessonsTaken(sessions, { from: null, until: null }, none)).toBe(3);
    expect(lessonsTaken(sessions, { from: d('2026-11-10'), until: null }, none)).toBe(2);
    expect(lessonsTaken(sessions, { from: null, until: d('2026-11-25') }, none)).toBe(2);
    expect(lessonsTaken(sessions, { from: null, until: null }, new Set([d('2026-11-18')]))).toBe(2);
  });
  it('is the listed price times the lessons', () => {
    expect(passThroughFee(fen(3500), 3)).toBe(10500);
    expect(passThroughFee(fen(3500), 0)).toBe(0);
  });
});

describe('billFigures', () => {
  it('due = fee + pass-through − waiver − refund, never negative', () => {
    expect(billFigures(fen(20000), fen(10000), fen(952), fen(3500)).due).toBe(12548);
    expect(billFigures(fen(20000), fen(20000), fen(0), fen(0)).due).toBe(0);
  });
});

describe('settle', () => {
  it('pays providers per lesson and shares the pool among teachers by minutes, exactly', () => {
    const s = settle({
      feesPaid: fen(1_000_000),
      subsidy: fen(500_000),
      passThroughCollected: fen(70_000),
      refunds: fen(12_345),
      costs: fen(100_000),
      providers: [{ id: 'p', lessons: 20, pricePerLesson: fen(3500) }],
      teachers: [
        { id: 'a', minutes: 100 },
        { id: 'b', minutes: 200 },
        { id: 'c', minutes: 0 },
      ],
    });
    expect(s.income).toBe(1_570_000);
    expect(s.providersTotal).toBe(70_000);
    expect(s.pool).toBe(1_570_000 - 12_345 - 100_000 - 70_000);
    // 1 387 655 × 1/3 = 462 551.67 → 462 552; × 2/3 = 925 103.33 → 925 103
    expect(s.teachers.map((t) => t.amount)).toEqual([462552, 925103, 0]);
    expect(s.remainder).toBe(0);
  });
  it('a shortfall pays no teacher and is the remainder', () => {
    const s = settle({
      feesPaid: fen(1000),
      subsidy: fen(0),
      passThroughCollected: fen(0),
      refunds: fen(0),
      costs: fen(5000),
      providers: [],
      teachers: [{ id: 'a', minutes: 60 }],
    });
    expect(s.pool).toBe(-4000);
    expect(s.teachersTotal).toBe(0);
    expect(s.remainder).toBe(-4000);
  });
  it('nobody served: the pool stays as the remainder', () => {
    const s = settle({ feesPaid: fen(1000), subsidy: fen(0), passThroughCollected: fen(0), refunds: fen(0), costs: fen(0), providers: [], teachers: [] });
    expect(s.remainder).toBe(1000);
  });
});

/** A random semester: children billed month by month, some waived, some on leave or opting out, providers, teachers. */
const semester = fc.record({
  basis: fc.constantFrom('monthly' as const, 'semester' as const),
  amount: fc.integer({ min: 0, max: 500_000 }),
  rounding: fc.constantFrom('half-up' as const, 'half-even' as const, 'down' as const, 'up' as const),
  minLeave: fc.integer({ min: 1, max: 5 }),
  children: fc.array(
    fc.record({
      shareBp: fc.constantFrom(0, 0, 0, 2500, 5000, 10000),
      leave: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 12 }),
      optOut: fc.option(fc.integer({ min: 0, max: 150 })),
      paid: fc.boolean(),
      lessons: fc.integer({ min: 0, max: 40 }),
    }),
    { minLength: 1, maxLength: 25 },
  ),
  closures: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 10 }),
  price: fc.integer({ min: 1, max: 10_000 }),
  subsidy: fc.integer({ min: 0, max: 5_000_000 }),
  costs: fc.integer({ min: 0, max: 1_000_000 }),
  teachers: fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 30 }),
});

describe('settlement property', () => {
  it('income = refunds + providers + teachers + costs + remainder; remainder 0 when the pool can be shared; every figure whole fen', () => {
    fc.assert(
      fc.property(semester, (s) => {
        const range = { start: d('2026-09-01'), end: d('2027-01-20') };
        const months = semesterMonths(range.start, range.end);
        const allDays = months.flatMap((m) => nominalServiceDays(m, range, [1, 2, 3, 4, 5]));
        const pick = (i: number) => allDays[i % allDays.length]!;
        const closedDays = new Set(s.closures.map(pick));
        const plan = { basis: s.basis, amountFen: fen(s.amount) };
        let feesPaid = 0;
        let refunds = 0;
        let passThrough = 0;
        let lessons = 0;
        for (const c of s.children) {
          const leaveDays = new Set(c.leave.map(pick));
          const optOutFrom = c.optOut === null ? null : pick(c.optOut);
          for (const month of months) {
            const fee = monthFee(plan, months, month);
            const waiver = waiverAmount(fee, c.shareBp, s.rounding);
            const r = refundForMonth({
              netFee: (fee - waiver) as Fen,
              serviceDays: nominalServiceDays(month, range, [1, 2, 3, 4, 5]),
              closedDays,
              leaveDays,
              optOutFrom,
              refundMinLeaveDays: s.minLeave,
              rounding: s.rounding,
            });
            const pt = passThroughFee(fen(s.price), c.lessons);
            const bill = billFigures(fee, waiver, r.refund, pt);
            for (const v of [fee, waiver, r.refund, pt, bill.due]) expect(Number.isSafeInteger(v)).toBe(true);
            expect(r.refund).toBeLessThanOrEqual(fee - waiver);
            expect(waiver).toBeLessThanOrEqual(fee);
            if (c.paid) {
              feesPaid += fee - waiver;
              refunds += r.refund;
              passThrough += pt;
              lessons += c.lessons;
            }
          }
        }
        const out = settle({
          feesPaid: fen(feesPaid),
          subsidy: fen(s.subsidy),
          passThroughCollected: fen(passThrough),
          refunds: fen(refunds),
          costs: fen(s.costs),
          providers: [{ id: 'p', lessons, pricePerLesson: fen(s.price) }],
          teachers: s.teachers.map((minutes, i) => ({ id: String(i), minutes })),
        });
        const figures = [out.income, out.refunds, out.costs, out.providersTotal, out.teachersTotal, out.remainder, ...out.teachers.map((t) => t.amount)];
        for (const v of figures) expect(Number.isSafeInteger(v)).toBe(true);
        expect(out.income).toBe(out.refunds + out.providersTotal + out.teachersTotal + out.costs + out.remainder);
        expect(out.teachersTotal).toBe(sum(out.teachers.map((t) => t.amount)));
        if (out.pool >= 0 && s.teachers.some((m) => m > 0)) expect(out.remainder).toBe(0);
        for (const t of out.teachers) expect(t.amount).toBeGreaterThanOrEqual(0);
        const served = s.teachers.filter((m) => m > 0);
        if (out.pool > 0 && served.length) {
          // nobody is more than a fen away from their exact share of the pool
          const total = served.reduce((a, b) => a + b, 0);
          for (const t of out.teachers) expect(Math.abs(t.amount - (out.pool * t.minutes) / total)).toBeLessThan(1);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('payments on bills and their reversal', () => {
  const bills = [
    { id: 'nov', studentId: 'a', due: fen(20000), paid: fen(0) },
    { id: 'dec', studentId: 'a', due: fen(15000), paid: fen(0) },
    { id: 'b-nov', studentId: 'b', due: fen(9000), paid: fen(0) },
  ];
  it('states a bill from paid and due', () => {
    expect(billState(fen(0), fen(100))).toBe('unpaid');
    expect(billState(fen(1), fen(100))).toBe('partly_paid');
    expect(billState(fen(100), fen(100))).toBe('paid');
    expect(billState(fen(0), fen(0))).toBe('paid');
  });
  it('fills the oldest bill first from the oldest payment, never across children', () => {
    const lines = applyOldestFirst(bills, [
      { id: 'p1', studentId: 'a', amount: fen(25000), applied: fen(0) },
      { id: 'p2', studentId: 'a', amount: fen(5000), applied: fen(0) },
      { id: 'p3', studentId: 'b', amount: fen(1000), applied: fen(0) },
    ]);
    expect(lines).toEqual([
      { paymentId: 'p1', billId: 'nov', amount: 20000 },
      { paymentId: 'p1', billId: 'dec', amount: 5000 },
      { paymentId: 'p2', billId: 'dec', amount: 5000 },
      { paymentId: 'p3', billId: 'b-nov', amount: 1000 },
    ]);
  });
  it('takes back exactly what the reversed payment put on each bill', () => {
    const paid = [
      { id: 'nov', due: fen(20000), paid: fen(20000) },
      { id: 'dec', due: fen(15000), paid: fen(10000) },
    ];
    expect(takeBack(paid, [{ billId: 'nov', amount: fen(20000) }, { billId: 'dec', amount: fen(5000) }])).toEqual([
      { id: 'nov', undone: 20000, paid: 0, state: 'unpaid' },
      { id: 'dec', undone: 5000, paid: 5000, state: 'partly_paid' },
    ]);
    expect(() => takeBack(paid, [{ billId: 'dec', amount: fen(10001) }])).toThrow();
    expect(() => takeBack(paid, [{ billId: 'gone', amount: fen(1) }])).toThrow();
  });
  it('property: reversing one payment leaves every bill with exactly the other payments on it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 50_000 }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.integer({ min: 1, max: 60_000 }), { minLength: 1, maxLength: 6 }),
        fc.nat(),
        (dues, amounts, k) => {
          const open = dues.map((due, i) => ({ id: `m${i}`, studentId: 'a', due: fen(due), paid: fen(0) }));
          const credits = amounts.map((amount, i) => ({ id: `p${i}`, studentId: 'a', amount: fen(amount), applied: fen(0) }));
          const lines = applyOldestFirst(open, credits);
          const paidOf = (id: string, ls: typeof lines) => sum(ls.filter((l) => l.billId === id).map((l) => l.amount));
          for (const b of open) expect(paidOf(b.id, lines)).toBeLessThanOrEqual(b.due);
          for (const c of credits) expect(sum(lines.filter((l) => l.paymentId === c.id).map((l) => l.amount))).toBeLessThanOrEqual(c.amount);
          const reversed = credits[k % credits.length]!.id;
          const after = takeBack(
            open.map((b) => ({ id: b.id, due: b.due, paid: paidOf(b.id, lines) })),
            lines.filter((l) => l.paymentId === reversed),
          );
          const others = lines.filter((l) => l.paymentId !== reversed);
          for (const b of after) {
            expect(b.paid).toBe(paidOf(b.id, others));
            expect(b.state).toBe(billState(b.paid, open.find((o) => o.id === b.id)!.due));
          }
          expect(sum(after.map((b) => b.undone))).toBe(sum(lines.filter((l) => l.paymentId === reversed).map((l) => l.amount)));
        },
      ),
    );
  });
});
