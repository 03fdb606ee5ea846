/**
 * 选课 rules of the after-school module: which courses a child may choose (grade, time conflicts by weekday and time,
 * clubs per child), and the lottery draw — a seeded, reproducible shuffle that anyone can recompute from the published
 * seed and the list of requests.
 */
import { type Fen, toYuanString } from './money';

/** A course as the choosing rules see it: its grades, meeting weekdays (ISO 1–7) and times ('HH:MM' or 'HH:MM:SS'). */
export interface CourseSlot {
  id: string;
  name: string;
  /** Homework help (作业辅导) is the "1" of "1+X": it does not count toward the clubs limit. */
  homework: boolean;
  grades: readonly number[];
  weekdays: readonly number[];
  startTime: string;
  endTime: string;
}

export type ChoiceRefusal =
  | { rule: 'after-school.enrol.grade'; grade: number; grades: readonly number[] }
  | { rule: 'after-school.enrol.conflict'; courseId: string; courseName: string; weekdays: number[] }
  | { rule: 'after-school.enrol.maxClubs'; limit: number; held: number };

const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

/** Two courses clash when they share a weekday and their times overlap (back-to-back is no clash). */
export function sharedWeekdays(a: CourseSlot, b: CourseSlot): number[] {
  if (!(minutes(a.startTime) < minutes(b.endTime) && minutes(b.startTime) < minutes(a.endTime))) return [];
  return a.weekdays.filter((d) => b.weekdays.includes(d)).sort((x, y) => x - y);
}

/**
 * May a child of `grade`, already holding (or waiting for, or having requested) `held`, choose `course`? Answers the
 * first rule it breaks, or null. Checked in the order a parent can act on: grade, then times, then the clubs limit.
 */
export function checkChoice(course: CourseSlot, grade: number, held: readonly CourseSlot[], maxClubs: number): ChoiceRefusal | null {
  if (!course.grades.includes(grade)) return { rule: 'after-school.enrol.grade', grade, grades: course.grades };
  for (const other of held) {
    if (other.id === course.id) continue;
    const days = sharedWeekdays(course, other);
    if (days.length) return { rule: 'after-school.enrol.conflict', courseId: other.id, courseName: other.name, weekdays: days };
  }
  const clubs = held.filter((c) => !c.homework && c.id !== course.id).length;
  if (!course.homework && clubs >= maxClubs) return { rule: 'after-school.enrol.maxClubs', limit: maxClubs, held: clubs };
  return null;
}

const WEEKDAY_NAMES = ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'];

/** The sentence a parent reads for a refusal. */
export function choiceRefusalMessage(r: ChoiceRefusal): string {
  switch (r.rule) {
    case 'after-school.enrol.grade':
      return `该课程面向${r.grades.map((g) => `${g}年级`).join('、')}，孩子所在的${r.grade}年级不能选`;
    case 'after-school.enrol.conflict':
      return `与已选的“${r.courseName}”时间冲突（${r.weekdays.map((d) => WEEKDAY_NAMES[d]).join('、')}）`;
    case 'after-school.enrol.maxClubs':
      return `每个孩子最多选 ${r.limit} 门社团课程，已选 ${r.held} 门`;
  }
}

/** 32-bit FNV-1a of a string's UTF-16 code units, the seed's hash (documented so anyone can redo the draw). */
export function hash32(text: string, basis = 0x811c9dc5): number {
  let h = basis >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** mulberry32: a small, well-known PRNG; from one 32-bit state it yields floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 摇号: the draw order of one course's requests. The requests are first put in a canonical order (by id, so the
 * order they arrived in does not matter), then shuffled by Fisher–Yates with mulberry32 seeded by
 * FNV-1a(`${seed}:${courseId}`). Same seed, course and requests → same order, on any machine.
 */
export function drawOrder<T extends { id: string }>(seed: string, courseId: string, requests: readonly T[]): T[] {
  const out = [...requests].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const random = mulberry32(hash32(`${seed}:${courseId}`));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Winners and the waiting list of a drawn course: the first `seats` of the draw order get a seat, the rest wait in order. */
export function splitDraw<T>(order: readonly T[], seats: number): { seated: T[]; waitlisted: T[] } {
  const n = Math.max(0, Math.min(seats, order.length));
  return { seated: order.slice(0, n), waitlisted: order.slice(n) };
}

/** Is a window taking choices at `now`? Before it opens and from its closing instant on, no. */
export function windowState(window: { opensAt: Date; closesAt: Date }, now: Date): 'upcoming' | 'open' | 'closed' {
  if (now < window.opensAt) return 'upcoming';
  if (now < window.closesAt) return 'open';
  return 'closed';
}

/** The terms of the written agreement (书面协议), taken from the school's approved plan and the district's rules. */
export interface AgreementTerms {
  schoolName: string;
  semesterName: string;
  studentName: string;
  /** Service weekdays (ISO) and daily times. */
  weekdays: readonly number[];
  startTime: string | null;
  endTime: string | null;
  /** Fee standard as the plan states it: fen per month or per semester (0: no service fee). */
  feeMode: 'monthly' | 'semester';
  serviceFeeFen: Fen;
  /** Leave days before a refund applies (after-school.fees.refundMinLeaveDays). */
  refundMinLeaveDays: number;
  planVersion: number;
}

/** The agreement text shown to the family; its SHA-256 is stored when signed, so what was signed can be proven. */
export function agreementText(t: AgreementTerms): string {
  const days = t.weekdays.map((d) => WEEKDAY_NAMES[d]).join('、');
  const times = t.startTime && t.endTime ? `${t.startTime.slice(0, 5)}—${t.endTime.slice(0, 5)}` : '以学校公布的时间表为准';
  const per = t.feeMode === 'monthly' ? '每月' : '每学期';
  const fee = t.serviceFeeFen > 0 ? `服务性收费标准为${per} ${toYuanString(t.serviceFeeFen)} 元，按学校经审核备案的方案收取；代收费课程按白名单价格逐课时收取。` : '本学期课后服务不收取服务性收费；代收费课程按白名单价格逐课时收取。';
  return [
    `${t.schoolName}课后服务协议（${t.semesterName}）`,
    `学生：${t.studentName}`,
    `一、服务时间：${days}，每天 ${times}，第一时段为作业辅导（学校课后服务方案第 ${t.planVersion} 版）。`,
    `二、自愿参加：家长自愿为孩子报名参加课后服务，可随时申请退出，退出自申请的日期起生效。`,
    `三、收费：${fee}家庭经济困难等学生按区县规定减免。`,
    `四、退费：请假满 ${t.refundMinLeaveDays} 天起按未服务天数退费；中途退出的，自退出之日起按未服务天数退费；因学校停课未服务的天数全额退费。`,
    `五、安全与接送：家长按学校公布的接送安排接孩子，接送人信息变更及时告知学校。`,
  ].join('\n');
}
