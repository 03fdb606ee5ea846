/**
 * 课后服务 daily running: the teacher's day (today's courses with their rosters), attendance in one tap plus
 * exceptions, cancelled sessions, families' leave (请假), pick-up sign-out (接送), patrols (巡视), monthly quality
 * assessment per course, and teachers' flexible hours (弹性上下班).
 */
import { z } from 'zod';
import { CourseCategory } from './after-school';
import { Id, LocalDate, pageOf, Paging } from './common';

/** Limits people type. */
export const ATTENDANCE_NOTE_MAX = 100;
export const LEAVE_REASON_MAX = 200;
export const COLLECTOR_NAME_MAX = 20;
export const COLLECTOR_RELATION_MAX = 10;
export const PATROL_PLACE_MAX = 40;
export const PATROL_FINDINGS_MAX = 1000;
export const PATROL_ISSUE_MAX = 100;
export const PATROL_ISSUES_MAX = 10;
export const ASSESSMENT_COMMENT_MAX = 500;
export const CANCEL_REASON_MAX = 200;
/** Teachers may take or correct attendance and sign-outs this many days back (a school administrator, any day). */
export const ATTENDANCE_EDIT_DAYS = 7;
/** Patrol ratings: 1 (poor) … 5 (excellent). */
export const PATROL_RATING_MIN = 1;
export const PATROL_RATING_MAX = 5;

const text = (max: number, label: string) => z.string().trim().min(1, { message: `请填写${label}` }).max(max, { message: `${label}最多 ${max} 字` });
const optionalText = (max: number, label: string) => z.string().trim().max(max, { message: `${label}最多 ${max} 字` }).nullish();

export const ServiceMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: '应为月份，格式 YYYY-MM' });

export const ATTENDANCE_STATUSES = ['present', 'absent', 'leave', 'late'] as const;
export const AttendanceStatus = z.enum(ATTENDANCE_STATUSES);
export type AttendanceStatus = z.infer<typeof AttendanceStatus>;
export const attendanceStatusLabels: Record<AttendanceStatus, { 'zh-CN': string; en: string }> = {
  present: { 'zh-CN': '到', en: 'Present' },
  absent: { 'zh-CN': '缺勤', en: 'Absent' },
  leave: { 'zh-CN': '请假', en: 'On leave' },
  late: { 'zh-CN': '迟到', en: 'Late' },
};

export const DailyDateQuery = z.object({ date: LocalDate.optional() });
export type DailyDateQuery = z.infer<typeof DailyDateQuery>;
export const CourseParams = z.object({ courseId: Id });

export const PickupView = z.object({
  id: Id,
  studentId: Id,
  studentName: z.string(),
  className: z.string(),
  date: LocalDate,
  collectorName: z.string(),
  relation: z.string(),
  collectedAt: z.string(),
  recordedByName: z.string(),
  note: z.string().nullable(),
});
export type PickupView = z.infer<typeof PickupView>;

export const RosterChild = z.object({
  studentId: Id,
  name: z.string(),
  className: z.string(),
  /** Recorded attendance (null: not taken yet). */
  status: AttendanceStatus.nullable(),
  note: z.string().nullable(),
  /** An approved leave covers the day. */
  onLeave: z.boolean(),
  leaveReason: z.string().nullable(),
  pickup: PickupView.nullable(),
});
export type RosterChild = z.infer<typeof RosterChild>;

export const SessionView = z.object({
  id: Id,
  courseId: Id,
  date: LocalDate,
  status: z.enum(['held', 'cancelled']),
  minutes: z.number().int(),
  expected: z.number().int(),
  present: z.number().int(),
  note: z.string().nullable(),
  takenByName: z.string().nullable(),
  takenAt: z.string().nullable(),
});
export type SessionView = z.infer<typeof SessionView>;

export const DayCourse = z.object({
  courseId: Id,
  name: z.string(),
  category: CourseCategory,
  schoolId: Id,
  startTime: z.string(),
  endTime: z.string(),
  room: z.string().nullable(),
  teacherNames: z.array(z.string()),
  /** The signed-in user is one of its teachers (a school administrator sees every course). */
  mine: z.boolean(),
  session: SessionView.nullable(),
  roster: z.array(RosterChild),
});
export type DayCourse = z.infer<typeof DayCourse>;

export const TeacherDay = z.object({
  date: LocalDate,
  /** Today's date in the district, for the page to know whether the day can still be changed. */
  today: LocalDate,
  courses: z.array(DayCourse),
});
export type TeacherDay = z.infer<typeof TeacherDay>;

export const AttendanceException = z.object({
  studentId: Id,
  status: z.enum(['absent', 'late', 'leave']),
  note: optionalText(ATTENDANCE_NOTE_MAX, '备注'),
});
/** "全部到" plus exceptions: every child of the roster is present unless named here. Re-taking replaces the day. */
export const TakeAttendance = z.object({
  date: LocalDate,
  exceptions: z.array(AttendanceException).max(500).default([]),
});
export type TakeAttendance = z.input<typeof TakeAttendance>;

export const CancelSession = z.object({ date: LocalDate, reason: text(CANCEL_REASON_MAX, '停课原因') });
export type CancelSession = z.infer<typeof CancelSession>;

export const LeaveInput = z.object({
  studentId: Id,
  fromDate: LocalDate,
  toDate: LocalDate,
  reason: text(LEAVE_REASON_MAX, '请假原因'),
});
export type LeaveInput = z.infer<typeof LeaveInput>;

/** A page of leaves: a child's, from a day (default 30 days back) to a day; newest first (first day, asked, id). */
export const LeaveQuery = z.object({
  studentId: Id.optional(),
  from: LocalDate.optional(),
  to: LocalDate.optional(),
  ...Paging,
});
export type LeaveQuery = z.output<typeof LeaveQuery>;

export const LeaveView = z.object({
  id: Id,
  studentId: Id,
  studentName: z.string(),
  className: z.string(),
  fromDate: LocalDate,
  toDate: LocalDate,
  /** School days the leave covers. */
  schoolDays: z.number().int(),
  reason: z.string(),
  requestedByName: z.string(),
  requestedAt: z.string(),
  cancelledAt: z.string().nullable(),
  cancellable: z.boolean(),
});
export type LeaveView = z.infer<typeof LeaveView>;
/** `total` counts every matching leave, not the page's. */
export const LeavePage = pageOf(LeaveView);
export type LeavePage = z.infer<typeof LeavePage>;

export const PickupInput = z.object({
  studentId: Id,
  date: LocalDate.optional(),
  collectorName: text(COLLECTOR_NAME_MAX, '接走人姓名'),
  relation: text(COLLECTOR_RELATION_MAX, '与孩子关系'),
  note: optionalText(ATTENDANCE_NOTE_MAX, '备注'),
});
export type PickupInput = z.infer<typeof PickupInput>;

/** A page of sign-outs: of a day, or the last 30 days; a child's; newest first (day, collected, id). */
export const PickupQuery = z.object({ date: LocalDate.optional(), studentId: Id.optional(), ...Paging });
export type PickupQuery = z.output<typeof PickupQuery>;
export const PickupPage = pageOf(PickupView);
export type PickupPage = z.infer<typeof PickupPage>;

/** Children who came to a session on the date and are not signed out yet, by the end of their last session. */
export const Uncollected = z.object({
  date: LocalDate,
  children: z.array(
    z.object({
      studentId: Id,
      name: z.string(),
      className: z.string(),
      courseName: z.string(),
      endTime: z.string(),
      /** Their last session of the day has ended (by the district's clock). */
      ended: z.boolean(),
    }),
  ),
});
export type Uncollected = z.infer<typeof Uncollected>;

export const PatrolInput = z
  .object({
    date: LocalDate,
    /** The school patrolled: needed only by someone who patrols several schools. */
    schoolId: Id.optional(),
    courseId: Id.nullish(),
    place: optionalText(PATROL_PLACE_MAX, '巡视地点'),
    findings: text(PATROL_FINDINGS_MAX, '巡视情况'),
    rating: z.number().int().min(PATROL_RATING_MIN).max(PATROL_RATING_MAX),
    issues: z.array(text(PATROL_ISSUE_MAX, '问题')).max(PATROL_ISSUES_MAX).default([]),
  })
  .refine((p) => !!p.courseId || !!p.place, { message: '请选择巡视的课程或填写地点', path: ['place'] });
export type PatrolInput = z.input<typeof PatrolInput>;

export const PatrolQuery = z.object({ date: LocalDate.optional(), schoolId: Id.optional() });
export const PatrolView = z.object({
  id: Id,
  schoolId: Id,
  date: LocalDate,
  courseId: Id.nullable(),
  courseName: z.string().nullable(),
  place: z.string().nullable(),
  findings: z.string(),
  rating: z.number().int(),
  issues: z.array(z.string()),
  patrolledByName: z.string(),
  createdAt: z.string(),
});
export type PatrolView = z.infer<typeof PatrolView>;
export const PatrolDay = z.object({
  date: LocalDate,
  patrols: z.array(PatrolView),
  /** Distinct staff who patrolled that day (the seeds' schools send 5). */
  staff: z.number().int(),
});
export type PatrolDay = z.infer<typeof PatrolDay>;

export const AssessmentInput = z.object({
  courseId: Id,
  month: ServiceMonth,
  score: z.number().int().min(1).max(100),
  comment: optionalText(ASSESSMENT_COMMENT_MAX, '评价'),
});
export type AssessmentInput = z.infer<typeof AssessmentInput>;
export const DailyMonthQuery = z.object({ month: ServiceMonth.optional(), schoolId: Id.optional() });
export const AssessmentMonth = z.object({
  month: ServiceMonth,
  courses: z.array(
    z.object({
      courseId: Id,
      courseName: z.string(),
      category: CourseCategory,
      score: z.number().int().nullable(),
      comment: z.string().nullable(),
      assessedByName: z.string().nullable(),
      /** Sessions held and attendance in the month, beside the score. */
      sessionsHeld: z.number().int(),
      present: z.number().int(),
      expected: z.number().int(),
      patrols: z.number().int(),
      patrolRating: z.number().nullable(),
    }),
  ),
  /** The school's figure: mean score to one decimal and its level (null: nothing assessed). */
  school: z.object({ courses: z.number().int(), average: z.number(), level: z.enum(['excellent', 'good', 'pass', 'improve']) }).nullable(),
});
export type AssessmentMonth = z.infer<typeof AssessmentMonth>;

export const FlexHoursMonth = z.object({
  month: ServiceMonth,
  rule: z.object({ normalEnd: z.string(), minLateMinutes: z.number().int(), creditPercent: z.number().int(), maxCreditMinutesPerDay: z.number().int() }),
  /** The policy version applied (null: the shipped default). */
  policyVersion: z.string().nullable(),
  teachers: z.array(
    z.object({
      teacherId: Id,
      name: z.string(),
      sessions: z.number().int(),
      minutesServed: z.number().int(),
      lateMinutes: z.number().int(),
      creditMinutes: z.number().int(),
      items: z.array(
        z.object({
          sessionId: Id,
          date: LocalDate,
          courseName: z.string(),
          endTime: z.string(),
          lateMinutes: z.number().int(),
          creditMinutes: z.number().int(),
          creditDate: LocalDate.nullable(),
        }),
      ),
    }),
  ),
});
export type FlexHoursMonth = z.infer<typeof FlexHoursMonth>;
