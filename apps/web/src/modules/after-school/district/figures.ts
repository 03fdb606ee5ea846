/** Rates of the district view from the rollup's integers: participation, attendance, satisfaction. */
import type { AfterSchoolFigures } from '@shuangjian/contracts';

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

export const studentRate = (f: Pick<AfterSchoolFigures, 'studentsServed' | 'students'>) => share(f.studentsServed, f.students);
export const teacherRate = (f: Pick<AfterSchoolFigures, 'teachersServing' | 'teachers'>) => share(f.teachersServing, f.teachers);
export const attendanceRate = (f: Pick<AfterSchoolFigures, 'attendancePresent' | 'attendanceExpected'>) => share(f.attendancePresent, f.attendanceExpected);
/** Average of the 1–5 overall ratings, null without answers. */
export const satisfaction = (f: Pick<AfterSchoolFigures, 'satisfactionSum' | 'surveyAnswers'>) => (f.surveyAnswers > 0 ? f.satisfactionSum / f.surveyAnswers : null);

/** 0.924 → "92.4%"; null → "–". */
export const pct = (v: number | null) => (v === null ? '–' : `${(v * 100).toFixed(1)}%`);

/** The policy's teacher participation target (seeds: ≥ 90% of teachers take part). */
export const TEACHER_TARGET = 0.9;
