/**
 * 午餐午托 and 暑期托管 rules: a lunch enrolment's month (fee and refund for days on leave or not served, in integer
 * fen with the rounding of 'after-school.fees'), a summer session's fee (per session or per week, less a waiver of
 * 'after-school.waivers'), and that a session lies inside the summer vacation of the calendar.
 */
import type { LocalDate } from './dates';
import { daysBetween } from './dates';
import { type Fen, multiply, percentOf, prorate, type Rounding, sub, ZERO } from './money';

export type LunchFeeMode = 'daily' | 'monthly';

export interface LunchMonthInput {
  mode: LunchFeeMode;
  /** Per day served (daily), or for a whole month (monthly). */
  feeFen: Fen;
  /** School days of the month (the calendar's): the days lunch is planned. */
  schoolDays: number;
  /** Of those, days the child was enrolled. */
  enrolledDays: number;
  /** Of the enrolled days, days on leave (请假) or marked absent with leave. */
  leaveDays: number;
  /** 'after-school.fees': leave days before any is refunded, and the rounding of a prorated share. */
  refundMinLeaveDays: number;
  rounding: Rounding;
}

export interface LunchMonth {
  /** What the month costs before refunds: every enrolled day (daily) or the month's fee (monthly). */
  dueFen: Fen;
  refundFen: Fen;
  netFen: Fen;
  /** Days not charged: days not enrolled (monthly), and leave days once they reach the minimum. */
  refundDays: number;
  rule: 'after-school.fees';
}

/**
 * A lunch month. Daily: the fee of each enrolled day is due, leave days are refunded once they reach the minimum.
 * Monthly: the month's fee is due whenever the child is enrolled on some day; days not enrolled and refundable leave
 * days are refunded as their share of the school days, rounded as the setting says (never more than the fee).
 */
export function lunchMonth(i: LunchMonthInput): LunchMonth {
  if (i.enrolledDays > i.schoolDays || i.leaveDays > i.enrolledDays || i.enrolledDays < 0 || i.leaveDays < 0)
    throw new RangeError('lunchMonth: needs 0 ≤ leaveDays ≤ enrolledDays ≤ schoolDays');
  const leave = i.leaveDays >= i.refundMinLeaveDays ? i.leaveDays : 0;
  if (i.mode === 'daily') {
    const dueFen = multiply(i.feeFen, i.enrolledDays);
    const refundFen = multiply(i.feeFen, leave);
    return { dueFen, refundFen, netFen: sub(dueFen, refundFen), refundDays: leave, rule: 'after-school.fees' };
  }
  if (i.enrolledDays === 0 || i.schoolDays === 0) return { dueFen: ZERO, refundFen: ZERO, netFen: ZERO, refundDays: 0, rule: 'after-school.fees' };
  const refundDays = i.schoolDays - i.enrolledDays + leave;
  const refundFen = prorate(i.feeFen, refundDays, i.schoolDays, i.rounding);
  return { dueFen: i.feeFen, refundFen, netFen: sub(i.feeFen, refundFen), refundDays, rule: 'after-school.fees' };
}

export type SummerFeeMode = 'session' | 'week';

/** Weeks a session is charged for: every started 7 days of it (1–7 days → 1, 8–14 → 2 …). */
export function sessionWeeks(startDate: LocalDate, endDate: LocalDate): number {
  return Math.ceil((daysBetween(startDate, endDate) + 1) / 7);
}

export interface SummerFee {
  grossFen: Fen;
  waivedFen: Fen;
  dueFen: Fen;
  weeks: number;
}

/** A summer session's fee: per session, or per week started; a waiver takes its share (basis points) off, rounded. */
export function summerFee(mode: SummerFeeMode, feeFen: Fen, startDate: LocalDate, endDate: LocalDate, waiverShareBp: number, rounding: Rounding): SummerFee {
  if (endDate < startDate) throw new RangeError('summerFee: the session ends before it starts');
  if (!Number.isInteger(waiverShareBp) || waiverShareBp < 0 || waiverShareBp > 10_000) throw new RangeError('summerFee: waiver share must be 0–10000 basis points');
  const weeks = sessionWeeks(startDate, endDate);
  const grossFen = mode === 'session' ? feeFen : multiply(feeFen, weeks);
  const waivedFen = percentOf(grossFen, { basisPoints: waiverShareBp }, rounding);
  return { grossFen, waivedFen, dueFen: sub(grossFen, waivedFen), weeks };
}

export interface DateRange {
  startDate: LocalDate;
  endDate: LocalDate;
}

/** The summer vacation (of those given) a session lies wholly inside, or null: sessions run only in the vacation. */
export function vacationHolding(session: DateRange, vacations: readonly DateRange[]): DateRange | null {
  return vacations.find((v) => v.startDate <= session.startDate && session.endDate <= v.endDate) ?? null;
}

export type LunchMark = 'present' | 'absent' | 'leave';
/** One tap all present, then the exceptions: the day's marks for every child enrolled. */
export function markAll(children: readonly string[], exceptions: ReadonlyMap<string, LunchMark>): Map<string, LunchMark> {
  return new Map(children.map((id) => [id, exceptions.get(id) ?? 'present']));
}

export interface KitchenCount {
  kitchen: string;
  enrolled: number;
  /** Meals to cook: enrolled less leave and absence marked (before marking: everyone enrolled). */
  meals: number;
  leave: number;
  absent: number;
}

/** The canteen's count per kitchen for a day, in the offer's kitchen order (kitchens with no child included). */
export function kitchenCounts(kitchens: readonly string[], children: readonly { kitchen: string; mark: LunchMark | null }[]): KitchenCount[] {
  return kitchens.map((kitchen) => {
    const mine = children.filter((c) => c.kitchen === kitchen);
    const leave = mine.filter((c) => c.mark === 'leave').length;
    const absent = mine.filter((c) => c.mark === 'absent').length;
    return { kitchen, enrolled: mine.length, meals: mine.length - leave - absent, leave, absent };
  });
}
