/**
 * 课后服务 money rules, all in integer fen: a month's service fee for a child, the waiver of a child's category share,
 * the refund for service days not taken, the pass-through fee of a provider's lessons (代收费), and the settlement that
 * pays providers per lesson delivered and shares what is left among the teachers who served, by minutes.
 *
 * Every figure is a `Fen`; every split of a total goes through `allocate`/`split` (largest remainder), so parts add up
 * to their whole to the fen, and every share that falls between two fen is rounded as the district's setting names.
 */
import { dateRange, isoWeekday, type LocalDate } from './dates';
import { allocate, type Fen, multiply, percentOf, prorate, type Rounding, split, sub, sum, ZERO } from './money';

/** The plan's fee standard: a fee per month, or one for the semester spread evenly over its months. */
export type FeePlan = { basis: 'monthly'; amountFen: Fen } | { basis: 'semester'; amountFen: Fen };

/** 'YYYY-MM' of a date. */
export function monthOf(date: LocalDate): string {
  return date.slice(0, 7);
}

/** First and last day of a 'YYYY-MM' month. */
export function monthBounds(month: string): { from: LocalDate; to: LocalDate } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01` as LocalDate, to: `${month}-${String(last).padStart(2, '0')}` as LocalDate };
}

/** The months a semester touches, in order ('YYYY-MM'). */
export function semesterMonths(start: LocalDate, end: LocalDate): string[] {
  const months: string[] = [];
  let [y, m] = monthOf(start).split('-').map(Number) as [number, number];
  const last = monthOf(end);
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= last) return months;
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
}

/**
 * The service days a month's fee covers: the plan's weekdays within the semester and the month, whatever the
 * calendar says (a closure on such a day is a day not taken, refunded; see refundForMonth).
 */
export function nominalServiceDays(month: string, semester: { start: LocalDate; end: LocalDate }, weekdays: readonly number[]): LocalDate[] {
  const { from, to } = monthBounds(month);
  const a = from > semester.start ? from : semester.start;
  const b = to < semester.end ? to : semester.end;
  if (a > b) return [];
  return dateRange(a, b).filter((d) => weekdays.includes(isoWeekday(d)));
}

/** A month's service fee: the monthly fee, or the semester fee split evenly over its months (odd fen to the first). */
export function monthFee(plan: FeePlan, months: readonly string[], month: string): Fen {
  if (plan.basis === 'monthly') return plan.amountFen;
  const index = months.indexOf(month);
  if (index < 0) return ZERO;
  return split(plan.amountFen, months.length)[index]!;
}

export interface WaiverCategory {
  code: string;
  label: string;
  shareBp: number;
}

/** The category that waives most of the child's fee among those they belong to (categories do not add up). */
export function waiverCategory(categories: readonly WaiverCategory[], childCodes: readonly string[]): WaiverCategory | null {
  let best: WaiverCategory | null = null;
  for (const c of categories) if (childCodes.includes(c.code) && (!best || c.shareBp > best.shareBp)) best = c;
  return best;
}

/** The waived amount: the category's share (basis points) of the fee, rounded as the fee setting names. */
export function waiverAmount(fee: Fen, shareBp: number, rounding: Rounding): Fen {
  return percentOf(fee, { basisPoints: shareBp }, rounding);
}

export interface RefundInput {
  /** What the family pays for the month's service (fee less waiver): the refund is a share of it. */
  netFee: Fen;
  /** The days the fee covers (nominalServiceDays). */
  serviceDays: readonly LocalDate[];
  /** Calendar non-school days and days whose sessions were cancelled (school closures). */
  closedDays: ReadonlySet<LocalDate>;
  /** Days the child was on leave (请假). */
  leaveDays: ReadonlySet<LocalDate>;
  /** First day not served after opting out (agreement.opt_out_from), or null. */
  optOutFrom: LocalDate | null;
  /** Leave days counted only when the month holds at least this many. */
  refundMinLeaveDays: number;
  rounding: Rounding;
}

export interface Refund {
  refund: Fen;
  /** Service days not taken, by reason; a day counts once (closure before opt-out before leave). */
  closed: number;
  optedOut: number;
  leave: number;
  untaken: number;
  serviceDays: number;
}

/** 退费: net fee × untaken service days / service days of the month, rounded as the fee setting names. */
export function refundForMonth(input: RefundInput): Refund {
  let closed = 0;
  let optedOut = 0;
  const leaveDates: LocalDate[] = [];
  for (const d of input.serviceDays) {
    if (input.closedDays.has(d)) closed += 1;
    else if (input.optOutFrom !== null && d >= input.optOutFrom) optedOut += 1;
    else if (input.leaveDays.has(d)) leaveDates.push(d);
  }
  const leave = leaveDates.length >= input.refundMinLeaveDays ? leaveDates.length : 0;
  const untaken = closed + optedOut + leave;
  const days = input.serviceDays.length;
  const refund = days === 0 || untaken === 0 ? ZERO : prorate(input.netFee, untaken, days, input.rounding);
  return { refund, closed, optedOut, leave, untaken, serviceDays: days };
}

/** A session of a provider's course, for counting the lessons a child took. */
export interface LessonSession {
  date: LocalDate;
  status: 'held' | 'cancelled';
}

/** Lessons a child was enrolled for and that were held, leave days excluded ([from, until) of the enrolment). */
export function lessonsTaken(sessions: readonly LessonSession[], enrolled: { from: LocalDate | null; until: LocalDate | null }, leaveDays: ReadonlySet<LocalDate>): number {
  return sessions.filter(
    (s) => s.status === 'held' && (enrolled.from === null || s.date >= enrolled.from) && (enrolled.until === null || s.date < enrolled.until) && !leaveDays.has(s.date),
  ).length;
}

/** 代收费: the provider's listed per-lesson price × the lessons taken. */
export function passThroughFee(pricePerLesson: Fen, lessons: number): Fen {
  return multiply(pricePerLesson, lessons);
}

/** A month's bill for one child: the lines and what is due (never below zero: a refund is a share of the net fee). */
export interface BillFigures {
  fee: Fen;
  waiver: Fen;
  refund: Fen;
  passThrough: Fen;
  due: Fen;
}

export function billFigures(fee: Fen, waiver: Fen, refund: Fen, passThrough: Fen): BillFigures {
  const due = sub(sum([fee, passThrough]), sum([waiver, refund]));
  return { fee, waiver, refund, passThrough, due: due > 0 ? due : ZERO };
}

export interface SettlementInput {
  /** Service fees paid by families (fee less waiver of paid bills, before refunds). */
  feesPaid: Fen;
  /** 财政奖补 recorded for the period. */
  subsidy: Fen;
  /** 代收费 collected for providers. */
  passThroughCollected: Fen;
  /** Refunds owed to families for days not taken on the paid bills. */
  refunds: Fen;
  /** Costs recorded for the period (materials, insurance, utilities …). */
  costs: Fen;
  /** Providers by lessons delivered at their per-lesson price. */
  providers: readonly { id: string; lessons: number; pricePerLesson: Fen }[];
  /** Teachers by minutes served. */
  teachers: readonly { id: string; minutes: number }[];
}

export interface Settlement {
  income: Fen;
  refunds: Fen;
  costs: Fen;
  providers: { id: string; lessons: number; amount: Fen }[];
  providersTotal: Fen;
  /** What is left for the teachers after refunds, costs and providers (negative: a shortfall). */
  pool: Fen;
  teachers: { id: string; minutes: number; amount: Fen }[];
  teachersTotal: Fen;
  /** What no one was given: 0 whenever the pool is not negative and some teacher served; otherwise the pool. */
  remainder: Fen;
}

/**
 * 结算: income (fees paid + subsidy + pass-through collected) − refunds − costs − providers (lessons × price) is the
 * pool; it goes to the teachers by minutes served (largest remainder, so the parts add up to the pool exactly).
 * Always income = refunds + providers + teachers + costs + remainder.
 */
export function settle(input: SettlementInput): Settlement {
  const income = sum([input.feesPaid, input.subsidy, input.passThroughCollected]);
  const providers = input.providers.map((p) => ({ id: p.id, lessons: p.lessons, amount: multiply(p.pricePerLesson, p.lessons) }));
  const providersTotal = sum(providers.map((p) => p.amount));
  const pool = sub(sub(sub(income, input.refunds), input.costs), providersTotal);
  const served = input.teachers.filter((t) => t.minutes > 0);
  const shares = pool > 0 && served.length ? allocate(pool, input.teachers.map((t) => Math.max(0, t.minutes))) : input.teachers.map(() => ZERO);
  const teachers = input.teachers.map((t, i) => ({ id: t.id, minutes: t.minutes, amount: shares[i]! }));
  const teachersTotal = sum(teachers.map((t) => t.amount));
  const remainder = sub(pool, teachersTotal);
  return { income, refunds: input.refunds, costs: input.costs, providers, providersTotal, pool, teachers, teachersTotal, remainder };
}

/** A bill's state from what is due and what is paid on it (nothing due: paid). */
export type BillState = 'unpaid' | 'partly_paid' | 'paid';
export function billState(paid: Fen, due: Fen): BillState {
  if (paid >= due) return 'paid';
  return paid > 0 ? 'partly_paid' : 'unpaid';
}

/** An open bill of a child (oldest month first) and a payment with credit left (oldest first). */
export interface OpenBill {
  id: string;
  studentId: string;
  due: Fen;
  paid: Fen;
}
export interface Credit {
  id: string;
  studentId: string;
  amount: Fen;
  applied: Fen;
}
/** What of a payment went to a bill. */
export interface Allocation {
  paymentId: string;
  billId: string;
  amount: Fen;
}

/**
 * Payments go to the child's open bills oldest month first, each bill filled from the oldest payment with credit
 * left. Returns the lines (a payment never gives more than it has left, a bill never takes more than it owes).
 */
export function applyOldestFirst(bills: readonly OpenBill[], credits: readonly Credit[]): Allocation[] {
  const left = new Map(credits.map((c) => [c.id, c.amount - c.applied]));
  const lines: Allocation[] = [];
  for (const bill of bills) {
    let owed = bill.due - bill.paid;
    for (const c of credits) {
      if (owed <= 0) break;
      const has = left.get(c.id)!;
      if (c.studentId !== bill.studentId || has <= 0) continue;
      const take = Math.min(has, owed);
      left.set(c.id, has - take);
      owed -= take;
      lines.push({ paymentId: c.id, billId: bill.id, amount: take as Fen });
    }
  }
  return lines;
}

/**
 * 冲正: what a reversed payment had put on each bill comes off that bill, exactly (its other payments stay where
 * they are). Throws when a line asks back more than the bill holds (the ledger and the bill disagree).
 */
export function takeBack(bills: readonly { id: string; due: Fen; paid: Fen }[], lines: readonly { billId: string; amount: Fen }[]): { id: string; undone: Fen; paid: Fen; state: BillState }[] {
  const byBill = new Map<string, number>();
  for (const l of lines) if (l.amount > 0) byBill.set(l.billId, (byBill.get(l.billId) ?? 0) + l.amount);
  return [...byBill].map(([id, undone]) => {
    const bill = bills.find((b) => b.id === id);
    if (!bill || undone > bill.paid) throw new Error(`bill ${id} holds less than the payment put on it`);
    const paid = (bill.paid - undone) as Fen;
    return { id, undone: undone as Fen, paid, state: billState(paid, bill.due) };
  });
}
