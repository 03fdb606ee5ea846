/**
 * Marking (批改: 有布置必有批改, 全批全改, 面批面改), the class's daily record (作业登记), and vacation homework handed in
 * day by day (假期作业天天交、天天清) with the excellent-work list published after the vacation (寒暑假作业优秀学生名单).
 */
import { z } from 'zod';
import { Id, LocalDate, OptionalText, Timestamp } from './common';
import { Attachment, HomeworkType, Layer, Place, withinDays } from './homework';

export const MARKING_NOTE_MAX = 200;
/** Students a teacher may name as marked face to face (面批) on one item: a class is at most this large. */
export const FACE_TO_FACE_NAMES_MAX = 80;
export const HANDIN_NOTE_MAX = 200;
export const HANDIN_FILES_MAX = 6;
/** A photo or file handed in for a vacation day: phone photos fit, videos do not. */
export const HANDIN_FILE_MAX_BYTES = 8 * 1024 * 1024;
export const HANDIN_FILE_TYPES = ['jpg', 'jpeg', 'png', 'webp', 'gif', 'heic', 'pdf', 'doc', 'docx', 'mp3', 'm4a'] as const;
export const REVIEW_COMMENT_MAX = 200;
/** The marking rates page reads at most this many days at once. */
export const MARKING_RANGE_MAX_DAYS = 120;

// --- marking (批改) --------------------------------------------------------------------------------------------

export const MARKING_SCOPES = ['all', 'part'] as const;
export const MarkingScope = z.enum(MARKING_SCOPES);
export const markingScopeLabels = { all: '全批全改', part: '部分批改' } as const;

export const MarkingInput = z.object({
  scope: MarkingScope,
  /** Students whose work was marked; for 全批全改 the class size is taken. */
  marked: z.number().int().min(1).max(200).nullish().transform((v) => v ?? null),
  /** How many of them were marked face to face (面批). */
  faceToFace: z.number().int().min(0).max(200).default(0),
  /** Optional: who was marked face to face, so their families see it. */
  faceToFaceStudentIds: z.array(Id).max(FACE_TO_FACE_NAMES_MAX).default([]),
  note: OptionalText(MARKING_NOTE_MAX),
});
export type MarkingInput = z.infer<typeof MarkingInput>;

export const Marking = z.object({
  itemId: Id,
  classId: Id,
  date: LocalDate,
  scope: MarkingScope,
  /** Students in the class when marking was recorded. */
  students: z.number().int(),
  marked: z.number().int(),
  faceToFace: z.number().int(),
  faceToFaceStudentIds: z.array(Id),
  note: z.string().nullable(),
  markedBy: z.string(),
  updatedAt: Timestamp,
});

/** A published item with its marking, as the teacher who set it sees it. */
export const MarkingRow = z.object({
  itemId: Id,
  classId: Id,
  className: z.string(),
  subjectName: z.string(),
  teacherName: z.string(),
  date: LocalDate,
  title: z.string().nullable(),
  content: z.string(),
  type: HomeworkType,
  layer: Layer,
  place: Place,
  minutes: z.number().int(),
  marking: Marking.nullable(),
  /** The last day marking may be recorded or changed: the end of the school week after the item's. */
  editableUntil: LocalDate,
  editable: z.boolean(),
});
export const MarkingWorklist = z.object({ from: LocalDate, to: LocalDate, rows: z.array(MarkingRow) });
export const MarkingWorklistQuery = z.object({ from: LocalDate, to: LocalDate }).refine(...withinDays(31));
export const MarkingDetail = MarkingRow.extend({ students: z.array(z.object({ id: Id, name: z.string(), studentNo: z.string() })) });

/** Published items and how many have a marking record: the marking rate is marked ÷ published. */
export const MarkingCount = z.object({ published: z.number().int(), marked: z.number().int(), faceToFace: z.number().int() });
export const MarkingRates = z.object({
  schoolId: Id,
  schoolName: z.string(),
  from: LocalDate,
  to: LocalDate,
  /** What the reader's reach covers: the whole school, some classes (年级组长), or one subject (学科组长). */
  reach: z.enum(['school', 'classes', 'subject']),
  total: MarkingCount,
  weeks: z.array(MarkingCount.extend({ weekStart: LocalDate })),
  teachers: z.array(MarkingCount.extend({ teacherId: Id, teacherName: z.string(), subjects: z.array(z.string()) })),
  classes: z.array(MarkingCount.extend({ classId: Id, className: z.string(), grade: z.number().int() })),
});
export const MarkingRatesQuery = z.object({ schoolId: Id, from: LocalDate, to: LocalDate }).refine(...withinDays(MARKING_RANGE_MAX_DAYS));
export const DistrictMarkingRates = z.object({
  from: LocalDate,
  to: LocalDate,
  total: MarkingCount,
  schools: z.array(MarkingCount.extend({ schoolId: Id, schoolName: z.string(), zoneName: z.string() })),
});
export const DistrictMarkingQuery = z.object({ from: LocalDate, to: LocalDate }).refine(...withinDays(MARKING_RANGE_MAX_DAYS));

/** What a family sees of marking on the child's list. */
export const ChildMark = z.object({
  itemId: Id,
  scope: MarkingScope,
  /** This child was named as marked face to face. */
  faceToFace: z.boolean(),
  markedAt: Timestamp,
});
export const ChildMarksQuery = z.object({ studentId: Id, date: LocalDate });

// --- the class's daily record (作业登记) --------------------------------------------------------------------------

export const RegisterQuery = z.object({ classId: Id, weekStart: LocalDate });
export const RegisterItem = z.object({
  itemId: Id,
  subjectName: z.string(),
  teacherName: z.string(),
  title: z.string().nullable(),
  content: z.string(),
  type: HomeworkType,
  layer: Layer,
  place: Place,
  minutes: z.number().int(),
  /** Families who reported the item done, of those who reported the day. */
  done: z.number().int(),
  marking: Marking.nullable(),
});
export const RegisterDay = z.object({
  date: LocalDate,
  dayKind: z.string(),
  dayName: z.string().nullable(),
  version: z.number().int().nullable(),
  limit: z.number().int().nullable(),
  written: z.number().int().nullable(),
  reporters: z.number().int(),
  withinLimit: z.number().int(),
  bedtimeStops: z.number().int(),
  items: z.array(RegisterItem),
});
export const ClassRegister = z.object({
  classId: Id,
  className: z.string(),
  schoolName: z.string(),
  grade: z.number().int(),
  weekStart: LocalDate,
  weekEnd: LocalDate,
  students: z.number().int(),
  days: z.array(RegisterDay),
});

// --- vacation hand-in (假期作业天天交、天天清) ----------------------------------------------------------------------

export const HandInInput = z.object({
  studentId: Id,
  date: LocalDate,
  /** Photos or files uploaded for this hand-in; none: the family says the day's work is done. */
  attachmentIds: z.array(Id).max(HANDIN_FILES_MAX).default([]),
  note: OptionalText(HANDIN_NOTE_MAX),
});
export const HandInFileQuery = z.object({ studentId: Id });
export const Review = z.object({
  teacherId: Id,
  teacherName: z.string(),
  comment: z.string().nullable(),
  excellent: z.boolean(),
  reviewedAt: Timestamp,
});
export const HandIn = z.object({
  id: Id,
  studentId: Id,
  studentName: z.string(),
  classId: Id,
  date: LocalDate,
  note: z.string().nullable(),
  files: z.array(Attachment),
  handedInBy: z.string(),
  handedInAt: Timestamp,
  reviews: z.array(Review),
});
export const ReviewInput = z.object({ comment: OptionalText(REVIEW_COMMENT_MAX), excellent: z.boolean() });
export const ChildHandInsQuery = z.object({ studentId: Id, from: LocalDate, to: LocalDate }).refine(...withinDays(62));
export const ChildHandIns = z.object({ studentId: Id, handIns: z.array(HandIn) });

export const ClassVacationDay = z.object({
  classId: Id,
  className: z.string(),
  date: LocalDate,
  dayKind: z.string(),
  /** The day's published list (its items), or null when the class has none for the day. */
  items: z.array(z.object({ itemId: Id, subjectName: z.string(), title: z.string().nullable(), content: z.string(), minutes: z.number().int() })).nullable(),
  /** The reader may give feedback (a teacher of the class). */
  canReview: z.boolean(),
  handedIn: z.number().int(),
  students: z.array(z.object({ studentId: Id, name: z.string(), studentNo: z.string(), handIn: HandIn.nullable() })),
});

export const Vacation = z.object({ name: z.string(), from: LocalDate, to: LocalDate });
export const ExcellentQuery = z.object({ schoolId: Id, grade: z.coerce.number().int().min(1).max(9), date: LocalDate });
export const ExcellentInput = z.object({ schoolId: Id, grade: z.number().int().min(1).max(9), date: LocalDate });
export const ExcellentStudent = z.object({ studentId: Id, name: z.string(), className: z.string(), excellent: z.number().int(), handedIn: z.number().int() });
export const ExcellentList = z.object({
  id: Id,
  schoolId: Id,
  schoolName: z.string(),
  grade: z.number().int(),
  vacation: Vacation,
  minExcellent: z.number().int(),
  /** The policy version the threshold came from (null: the shipped default). */
  policyVersions: z.string().nullable(),
  students: z.array(ExcellentStudent),
  publishedBy: z.string(),
  publishedAt: Timestamp,
});
/** Before publication: who would be listed, and the list if it is out already. */
export const ExcellentPreview = z.object({
  schoolId: Id,
  grade: z.number().int(),
  vacation: Vacation,
  minExcellent: z.number().int(),
  policyVersions: z.string().nullable(),
  /** The vacation is over: the list may be published. */
  ended: z.boolean(),
  candidates: z.array(ExcellentStudent),
  published: ExcellentList.nullable(),
});
export const ExcellentListsQuery = z.object({ schoolId: Id.optional(), studentId: Id.optional() });
