/**
 * 课后服务 (after-school services) vocabulary every area of the module shares: course categories, staffing, plan and
 * enrolment states, window modes, and the limits people type. Each area's requests and answers live beside it in
 * after-school-<area>.ts.
 */
import { z } from 'zod';

/** "1+X": homework help is the 1, the rest are clubs. */
export const COURSE_CATEGORIES = ['homework', 'sports', 'arts', 'science', 'reading', 'labour', 'heritage', 'other'] as const;
export const CourseCategory = z.enum(COURSE_CATEGORIES);
export type CourseCategory = z.infer<typeof CourseCategory>;
export const courseCategoryLabels: Record<CourseCategory, { 'zh-CN': string; en: string }> = {
  homework: { 'zh-CN': '作业辅导', en: 'Homework help' },
  sports: { 'zh-CN': '体育', en: 'Sports' },
  arts: { 'zh-CN': '艺术', en: 'Arts' },
  science: { 'zh-CN': '科技', en: 'Science' },
  reading: { 'zh-CN': '阅读', en: 'Reading' },
  labour: { 'zh-CN': '劳动', en: 'Labour' },
  heritage: { 'zh-CN': '传统文化', en: 'Heritage' },
  other: { 'zh-CN': '其他', en: 'Other' },
};

/** Who runs a course: the school's own teachers, parent assistants / volunteers, or a white-listed provider. */
export const COURSE_STAFFING = ['teacher', 'volunteer', 'provider'] as const;
export const CourseStaffing = z.enum(COURSE_STAFFING);
export type CourseStaffing = z.infer<typeof CourseStaffing>;

export const PLAN_STATUSES = ['draft', 'submitted', 'returned', 'approved', 'superseded'] as const;
export const PlanStatus = z.enum(PLAN_STATUSES);
export type PlanStatus = z.infer<typeof PlanStatus>;

export const WINDOW_MODES = ['first_come', 'lottery'] as const;
export const WindowMode = z.enum(WINDOW_MODES);
export type WindowMode = z.infer<typeof WindowMode>;

export const ENROLMENT_STATUSES = ['requested', 'enrolled', 'waitlisted', 'withdrawn', 'lost'] as const;
export const EnrolmentStatus = z.enum(ENROLMENT_STATUSES);
export type EnrolmentStatus = z.infer<typeof EnrolmentStatus>;

/** Limits people type. */
export const COURSE_NAME_MAX = 40;
export const COURSE_CAPACITY_MAX = 2000;
export const AFTER_SCHOOL_TEXT_MAX = 2000;
export const AFTER_SCHOOL_REASON_MAX = 500;
