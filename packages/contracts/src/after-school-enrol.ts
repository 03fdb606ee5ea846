/**
 * 选课 requests and answers of the after-school module: the school's enrolment windows and lottery draws, the family's
 * view of a child (courses open to the grade with seats left, the agreement to sign, the child's choices and places on
 * waiting lists), choices, withdrawals and opting out, and the staff's rosters.
 */
import { z } from 'zod';
import { AFTER_SCHOOL_REASON_MAX, CourseCategory, EnrolmentStatus, WindowMode } from './after-school';
import { Id, LocalDate } from './common';

export const ENROL_MAX_CLUBS_LIMIT = 10;
export const LOTTERY_SEED_MAX = 64;

const Instant = z.iso.datetime({ offset: true });
export const WindowState = z.enum(['upcoming', 'open', 'closed']);
export type WindowState = z.infer<typeof WindowState>;

export const OpenWindowInput = z
  .object({
    schoolId: Id,
    semesterId: Id,
    opensAt: Instant,
    closesAt: Instant,
    mode: WindowMode,
    maxClubs: z.number().int().min(0).max(ENROL_MAX_CLUBS_LIMIT),
  })
  .refine((w) => new Date(w.opensAt) < new Date(w.closesAt), { message: '截止时间应晚于开始时间', path: ['closesAt'] });
export type OpenWindowInput = z.infer<typeof OpenWindowInput>;

export const WindowQuery = z.object({ schoolId: Id, semesterId: Id.optional() });

export const EnrolWindow = z.object({
  id: Id,
  schoolId: Id,
  semesterId: Id,
  semesterName: z.string(),
  opensAt: z.string(),
  closesAt: z.string(),
  mode: WindowMode,
  maxClubs: z.number().int(),
  state: WindowState,
  /** Lottery windows: the published seed and when the draw ran (null before it). */
  lotterySeed: z.string().nullable(),
  drawnAt: z.string().nullable(),
});
export type EnrolWindow = z.infer<typeof EnrolWindow>;

export const DrawInput = z.object({
  /** The seed to publish; left out, the server picks a random one. Anyone can redo the draw from it. */
  seed: z.string().trim().min(1).max(LOTTERY_SEED_MAX).optional(),
});
export type DrawInput = z.infer<typeof DrawInput>;

/** The published draw of one course: requests in canonical (id) order and in draw order, and how many were seated. */
export const DrawnCourse = z.object({
  courseId: Id,
  courseName: z.string(),
  seats: z.number().int(),
  requests: z.array(Id),
  order: z.array(Id),
  seated: z.number().int(),
});
export const DrawResult = z.object({
  windowId: Id,
  seed: z.string(),
  drawnAt: z.string(),
  algorithm: z.string(),
  courses: z.array(DrawnCourse),
});
export type DrawResult = z.infer<typeof DrawResult>;

export const ChildParams = z.object({ studentId: Id });
export const ChildCourseParams = z.object({ studentId: Id, courseId: Id });
export const ChildQuery = z.object({ semesterId: Id.optional() });

/** A course as the family sees it, with the child's place in it. */
export const ChildCourse = z.object({
  id: Id,
  name: z.string(),
  category: CourseCategory,
  description: z.string().nullable(),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  room: z.string().nullable(),
  capacity: z.number().int(),
  seatsLeft: z.number().int(),
  waiting: z.number().int(),
  pricePerLessonFen: z.number().int(),
  providerName: z.string().nullable(),
  /** The child's live place: enrolled, waitlisted (with the place in line, 1 = next) or requested (lottery). */
  status: EnrolmentStatus.nullable(),
  waitPosition: z.number().int().nullable(),
});
export type ChildCourse = z.infer<typeof ChildCourse>;

export const ChildAgreement = z.object({
  /** Null when the school has no approved plan for the semester (nothing to sign yet). */
  text: z.string().nullable(),
  textHash: z.string().nullable(),
  signed: z.boolean(),
  signedAt: z.string().nullable(),
  /** The signed text's hash differs from today's text (the school's plan changed since). */
  outdated: z.boolean(),
  optedOut: z.boolean(),
  optOutFrom: LocalDate.nullable(),
});

export const ChildEnrolView = z.object({
  student: z.object({ id: Id, name: z.string(), grade: z.number().int(), className: z.string(), schoolName: z.string() }),
  semester: z.object({ id: Id, name: z.string() }).nullable(),
  window: EnrolWindow.nullable(),
  agreement: ChildAgreement,
  courses: z.array(ChildCourse),
});
export type ChildEnrolView = z.infer<typeof ChildEnrolView>;

export const SignAgreementInput = z.object({ textHash: z.string().regex(/^[0-9a-f]{64}$/, { message: '应为协议文本的 SHA-256' }) });
export type SignAgreementInput = z.infer<typeof SignAgreementInput>;

export const ChooseInput = z.object({ courseId: Id });
export type ChooseInput = z.infer<typeof ChooseInput>;

export const ChoiceResult = z.object({
  courseId: Id,
  status: EnrolmentStatus,
  waitPosition: z.number().int().nullable(),
});
export type ChoiceResult = z.infer<typeof ChoiceResult>;

export const OptOutInput = z.object({
  from: LocalDate,
  reason: z.string().trim().min(1).max(AFTER_SCHOOL_REASON_MAX),
});
export type OptOutInput = z.infer<typeof OptOutInput>;

export const OptOutResult = z.object({ withdrawn: z.number().int(), optOutFrom: LocalDate });

export const SeatsQuery = z.object({ schoolId: Id, semesterId: Id });

/** A course's seat counts for the school's window page. */
export const CourseSeats = z.object({
  id: Id,
  name: z.string(),
  category: CourseCategory,
  grades: z.array(z.number().int()),
  weekdays: z.array(z.number().int()),
  startTime: z.string(),
  endTime: z.string(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  waiting: z.number().int(),
  requested: z.number().int(),
});
export type CourseSeats = z.infer<typeof CourseSeats>;

export const RosterEntry = z.object({
  enrolmentId: Id,
  studentId: Id,
  studentName: z.string(),
  studentNo: z.string(),
  className: z.string(),
  status: EnrolmentStatus,
  /** Place in line on the waiting list (1 = next), null for the enrolled. */
  waitPosition: z.number().int().nullable(),
  chosenAt: z.string(),
});
export const Roster = z.object({
  course: CourseSeats,
  enrolled: z.array(RosterEntry),
  waitlisted: z.array(RosterEntry),
  requested: z.array(RosterEntry),
});
export type Roster = z.infer<typeof Roster>;
