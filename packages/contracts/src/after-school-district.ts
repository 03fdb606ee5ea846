/** 课后服务 district view: participation, plan status, attendance, satisfaction and money per school and zone, from rollups. */
import { z } from 'zod';
import { CourseCategory, PlanStatus } from './after-school';
import { Id, LocalDate } from './common';

export const AfterSchoolSemesterQuery = z.object({
  /** Default: the semester in force today (or the latest begun). */
  semesterId: Id.optional(),
});
export type AfterSchoolSemesterQuery = z.infer<typeof AfterSchoolSemesterQuery>;

export const AfterSchoolSemesterRef = z.object({ id: Id, name: z.string(), startDate: LocalDate, endDate: LocalDate });

/** Counts of one school, one zone or the district: rates are derived on the page from these integers. */
export const AfterSchoolFigures = z.object({
  students: z.number().int(),
  studentsServed: z.number().int(),
  teachers: z.number().int(),
  teachersServing: z.number().int(),
  courses: z.number().int(),
  providerCourses: z.number().int(),
  sessionsHeld: z.number().int(),
  attendancePresent: z.number().int(),
  attendanceExpected: z.number().int(),
  feesDueFen: z.number().int(),
  feesPaidFen: z.number().int(),
  waiversFen: z.number().int(),
  refundsFen: z.number().int(),
  surveyAnswers: z.number().int(),
  satisfactionSum: z.number().int(),
  patrols: z.number().int(),
});
export type AfterSchoolFigures = z.infer<typeof AfterSchoolFigures>;

export const AfterSchoolSchoolRow = AfterSchoolFigures.extend({
  schoolId: Id,
  schoolName: z.string(),
  zoneId: Id,
  zoneName: z.string(),
  planStatus: z.union([PlanStatus, z.literal('none')]),
});
export type AfterSchoolSchoolRow = z.infer<typeof AfterSchoolSchoolRow>;

export const AfterSchoolZoneRow = AfterSchoolFigures.extend({ zoneId: Id, zoneName: z.string(), schools: z.number().int() });
export type AfterSchoolZoneRow = z.infer<typeof AfterSchoolZoneRow>;

export const AfterSchoolDistrictOverview = z.object({
  semester: AfterSchoolSemesterRef.nullable(),
  semesters: z.array(AfterSchoolSemesterRef),
  total: AfterSchoolFigures,
  /** Schools per plan status (none = no plan filed yet). */
  planStatus: z.record(z.string(), z.number().int()),
  zones: z.array(AfterSchoolZoneRow),
  schools: z.array(AfterSchoolSchoolRow),
  refreshedAt: z.string().nullable(),
});
export type AfterSchoolDistrictOverview = z.infer<typeof AfterSchoolDistrictOverview>;

export const AfterSchoolSchoolParams = z.object({ schoolId: Id });

export const AfterSchoolCourseRow = z.object({
  courseId: Id,
  name: z.string(),
  category: CourseCategory,
  staffing: z.enum(['teacher', 'volunteer', 'provider']),
  providerName: z.string().nullable(),
  capacity: z.number().int(),
  enrolled: z.number().int(),
  waitlisted: z.number().int(),
  sessionsHeld: z.number().int(),
  attendancePresent: z.number().int(),
  attendanceExpected: z.number().int(),
});
export type AfterSchoolCourseRow = z.infer<typeof AfterSchoolCourseRow>;

export const AfterSchoolSchoolDetail = z.object({
  semester: AfterSchoolSemesterRef,
  school: AfterSchoolSchoolRow,
  courses: z.array(AfterSchoolCourseRow),
});
export type AfterSchoolSchoolDetail = z.infer<typeof AfterSchoolSchoolDetail>;
