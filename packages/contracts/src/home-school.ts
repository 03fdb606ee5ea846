/**
 * 家校社协同 (home-school work): home visits (家访) and each teacher's, class's and school's progress against the
 * visit rules (home-school.visits). Special students' files are in home-school-special.ts, parent meetings and the
 * parent school in home-school-meetings.ts, the dashboard in home-school-dashboard.ts.
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Text } from './common';

export const VISIT_NOTES_MAX = 2000;
export const VISIT_FOLLOW_UP_MAX = 500;
export const VISIT_TOPIC_TEXT_MAX = 200;
export const VISIT_MET_NAME_MAX = 40;

/** 入户 / 电话 / 视频 / 来校. */
export const VISIT_MODES = ['home', 'phone', 'video', 'school'] as const;
export const VisitMode = z.enum(VISIT_MODES);
export type VisitMode = z.infer<typeof VisitMode>;

/** Whom the teacher met: the pupil's relation to them. */
export const MET_RELATIONS = ['father', 'mother', 'grandparent', 'guardian', 'other'] as const;
export const MetRelation = z.enum(MET_RELATIONS);

/** Topics of a visit (a list to tick, plus free text). */
export const VISIT_TOPICS = ['study', 'homework', 'sleep', 'phone', 'health', 'safety', 'mood', 'family', 'other'] as const;
export const VisitTopic = z.enum(VISIT_TOPICS);

/** The visit rule's names in the rollup (home-school.*). */
export const HS_INDICATORS = {
  /** Pupils visited (any mode) this semester, per class; the denominator is the class's pupils. */
  pupilsVisited: 'home-school.visits.pupils',
  /** Visits recorded this semester, per class. */
  visits: 'home-school.visits.count',
  /** Teachers with a home or phone visit this week, per school. */
  teachersWeek: 'home-school.visits.teachers-week',
  /** Special students whose file is open, per class (semester of the file's opening). */
  specialFiles: 'home-school.special.files',
  /** Special students who reached the semester's visit minimum (≥ 3), per class. */
  specialVisited: 'home-school.special.visited',
  /** Parent meetings held this semester, per class. */
  meetingsHeld: 'home-school.meetings.held',
  /** Weekly online parent lectures (家长教育大讲堂) held this semester, per class. */
  classLectures: 'home-school.class-lectures.held',
  /** Parent-school lectures held (num) and their attendance: attended over signed up, per school. */
  lecturesHeld: 'home-school.lectures.held',
  lectureAttendance: 'home-school.lectures.attendance',
  /** The dashboard's bases, refreshed in the background per semester: a class's active pupils (num; den 1, the class). */
  basePupils: 'home-school.base.pupils',
  /** A class's special pupils (num). */
  baseSpecial: 'home-school.base.special',
  /** A class's special pupils with a care record within home-school.care's recentDays (num). */
  baseCared: 'home-school.base.cared',
  /** A school's teachers (teacher or class teacher; num), on the school's own row. */
  baseTeachers: 'home-school.base.teachers',
} as const;

export const VisitInput = z.object({
  classId: Id,
  studentId: Id,
  mode: VisitMode,
  date: LocalDate,
  metRelation: MetRelation,
  metName: Text(VISIT_MET_NAME_MAX),
  topics: z.array(VisitTopic).min(1).max(VISIT_TOPICS.length),
  topicText: OptionalText(VISIT_TOPIC_TEXT_MAX),
  notes: OptionalText(VISIT_NOTES_MAX),
  followUp: OptionalText(VISIT_FOLLOW_UP_MAX),
  followUpDue: LocalDate.nullish().transform((v) => v ?? null),
});
export type VisitInput = z.infer<typeof VisitInput>;

export const Visit = z.object({
  id: Id,
  classId: Id,
  className: z.string(),
  studentId: Id,
  /** Masked (张*明) for a reader who may not read the pupil's special file and is not the visit's teacher. */
  studentName: z.string(),
  teacherId: Id,
  teacherName: z.string(),
  /** As the class teacher of the class, or as a subject teacher (or a school leader). */
  asClassTeacher: z.boolean(),
  mode: VisitMode,
  date: LocalDate,
  metRelation: MetRelation,
  metName: z.string(),
  topics: z.array(VisitTopic),
  topicText: z.string().nullable(),
  notes: z.string().nullable(),
  followUp: z.string().nullable(),
  followUpDue: LocalDate.nullable(),
  followUpDoneAt: z.string().nullable(),
  /** The settings cited when the visit was recorded ('key@id'; null: shipped defaults). */
  policyVersions: z.string().nullable(),
});
export type Visit = z.infer<typeof Visit>;

export const VisitList = z.object({ items: z.array(Visit) });
export const VisitListQuery = z.object({ classId: Id.optional(), mine: z.enum(['true', 'false']).optional() });

/** The rule a progress figure applies, cited. */
export const VisitRule = z.object({
  rule: z.literal('home-school.visits'),
  weeklyMin: z.number().int(),
  weeklyModes: z.array(VisitMode),
  semesterHomeMin: z.number().int(),
  specialMin: z.number().int(),
  policyVersions: z.string().nullable(),
});
export type VisitRule = z.infer<typeof VisitRule>;

/** A pupil still due: not yet visited at home by this teacher this semester, or a 重点关注 pupil short of visits. */
export const DuePupil = z.object({
  studentId: Id,
  classId: Id,
  className: z.string(),
  name: z.string(),
  /** 重点关注: needs `specialMin` visits this semester (the reason only to those who may read the file). */
  focus: z.boolean(),
  visitsThisSemester: z.number().int(),
  homeVisitedByMe: z.boolean(),
});
export type DuePupil = z.infer<typeof DuePupil>;

export const TeacherProgress = z.object({
  today: LocalDate,
  weekStart: LocalDate,
  semester: z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate }).nullable(),
  rule: VisitRule,
  weekVisits: z.number().int(),
  weekDone: z.boolean(),
  pupils: z.number().int(),
  homeVisited: z.number().int(),
  due: z.array(DuePupil),
  /** 重点关注 pupils of my classes with fewer than `specialMin` visits this semester. */
  focusShort: z.number().int(),
  classes: z.array(z.object({ id: Id, name: z.string(), schoolName: z.string(), asClassTeacher: z.boolean() })),
});
export type TeacherProgress = z.infer<typeof TeacherProgress>;

export const ClassVisitTeacher = z.object({ teacherId: Id, name: z.string(), asClassTeacher: z.boolean(), pupilsHomeVisited: z.number().int() });
export const ClassProgress = z.object({
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  rule: VisitRule,
  pupils: z.number().int(),
  visitedByAny: z.number().int(),
  teachers: z.array(ClassVisitTeacher),
  rows: z.array(
    z.object({
      studentId: Id,
      name: z.string(),
      focus: z.boolean(),
      visits: z.number().int(),
      /** Teacher ids who visited the pupil's home this semester. */
      homeVisitedBy: z.array(Id),
    }),
  ),
});
export type ClassProgress = z.infer<typeof ClassProgress>;

export const FollowUpDoneParams = z.object({ id: Id });
