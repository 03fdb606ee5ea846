/** The semesters the after-school services run in: the calendar module's, through its face. */
export { semesterAt, semesterById, type SemesterRef, semestersOf } from '../calendar';
