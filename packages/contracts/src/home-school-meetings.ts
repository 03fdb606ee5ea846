/**
 * 家长会 and 家长学校: a class's parent meetings (planned, then held with each family's attendance and minutes), the
 * class teacher's weekly online parent lecture (家长教育大讲堂), and the district's and schools' family-education
 * lectures (家庭教育专题讲座) parents sign up for on the phone (capacity never exceeded), attended or not.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text } from './common';

export const MEETING_TITLE_MAX = 100;
export const MEETING_MINUTES_MAX = 4000;
export const LECTURE_LINK_MAX = 300;
export const LECTURE_CAPACITY_MAX = 5000;

export const MEETING_STATUSES = ['planned', 'held'] as const;

export const Meeting = z.object({
  id: Id,
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  title: z.string(),
  date: LocalDate,
  place: z.string().nullable(),
  status: z.enum(MEETING_STATUSES),
  minutes: z.string().nullable(),
  families: z.number().int(),
  attended: z.number().int(),
});
export type Meeting = z.infer<typeof Meeting>;
export const MeetingInput = z.object({ classId: Id, title: Text(MEETING_TITLE_MAX), date: LocalDate, place: OptionalText(100) });
export const MeetingHeldInput = z.object({
  minutes: Text(MEETING_MINUTES_MAX),
  /** Pupils whose guardian attended; every other pupil of the class is marked absent. */
  attended: z.array(Id).max(200),
});
export const MeetingAttendance = z.object({ studentId: Id, name: z.string(), attended: z.boolean().nullable() });
export const MeetingDetail = Meeting.extend({ attendance: z.array(MeetingAttendance) });

/** 家长教育大讲堂: one a week per class (home-school.meetings.classLecturesPerWeek). */
export const ClassLecture = z.object({ id: Id, classId: Id, className: z.string(), topic: z.string(), date: LocalDate, link: z.string().nullable(), joined: z.number().int() });
export const ClassLectureInput = z.object({
  classId: Id,
  topic: Text(MEETING_TITLE_MAX),
  date: LocalDate,
  link: OptionalText(LECTURE_LINK_MAX),
  joined: z.number().int().min(0).max(2000),
});

export const ClassMeetings = z.object({
  classId: Id,
  className: z.string(),
  semester: z.object({ id: Id, name: z.string() }).nullable(),
  rule: z.object({
    rule: z.literal('home-school.meetings'),
    meetingsPerSemester: z.number().int(),
    classLecturesPerWeek: z.number().int(),
    policyVersions: z.string().nullable(),
  }),
  meetingsHeld: z.number().int(),
  meetingsDue: z.boolean(),
  lectureThisWeek: z.boolean(),
  meetings: z.array(Meeting),
  lectures: z.array(ClassLecture),
});
export type ClassMeetings = z.infer<typeof ClassMeetings>;
export const ClassParams = z.object({ classId: Id });

export const LECTURE_LEVELS = ['district', 'school'] as const;
export const Lecture = z.object({
  id: Id,
  level: z.enum(LECTURE_LEVELS),
  schoolId: Id.nullable(),
  schoolName: z.string().nullable(),
  title: z.string(),
  speaker: z.string().nullable(),
  date: LocalDate,
  time: z.string().nullable(),
  place: z.string().nullable(),
  link: z.string().nullable(),
  capacity: z.number().int(),
  grades: z.array(z.number().int()),
  signedUp: z.number().int(),
  attended: z.number().int(),
  held: z.boolean(),
});
export type Lecture = z.infer<typeof Lecture>;
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '应为 HH:MM' });
export const LectureInput = z
  .object({
    /** Null: a district lecture (district_admin); else the school's (its administrator). */
    schoolId: Id.nullish().transform((v) => v ?? null),
    title: Text(MEETING_TITLE_MAX),
    speaker: OptionalText(40),
    date: LocalDate,
    time: hhmm.nullish().transform((v) => v ?? null),
    place: OptionalText(100),
    link: OptionalText(LECTURE_LINK_MAX),
    capacity: z.number().int().min(1).max(LECTURE_CAPACITY_MAX),
    /** Grades invited; empty: every grade. */
    grades: z.array(z.number().int().min(1).max(12)).max(12),
  })
  .refine((v) => v.place || v.link, { message: '地点或线上链接至少填一项', path: ['place'] });
export const LectureList = z.object({ items: z.array(Lecture) });
export const LectureSignup = z.object({ userId: Id, name: z.string(), studentName: z.string(), attended: z.boolean().nullable() });
export const LectureDetail = Lecture.extend({ signups: z.array(LectureSignup) });
export const LectureAttendanceInput = z.object({ attended: z.array(Id).max(LECTURE_CAPACITY_MAX) });

/** A parent's view: upcoming meetings of the children's classes and lectures open to them, signed up or not. */
export const FamilyUpcoming = z.object({
  meetings: z.array(Meeting.pick({ id: true, className: true, title: true, date: true, place: true })),
  classLectures: z.array(ClassLecture.pick({ id: true, className: true, topic: true, date: true, link: true })),
  lectures: z.array(Lecture.extend({ signedUpMe: z.boolean(), full: z.boolean() })),
});
export type FamilyUpcoming = z.infer<typeof FamilyUpcoming>;
export const LectureSignupInput = z.object({ studentId: Id });
