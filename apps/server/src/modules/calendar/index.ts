/** The school calendar module's face: semesters, holidays, worked weekends, vacations; what kind of day a date is. */
import type { AppModule } from '../../platform/module';
import { registerCalendarRoutes } from './routes';

export const calendarModule: AppModule = {
  name: 'calendar',
  constraintMessages: { semesters_term_uq: '该学年学期已存在' },
  routes: (app) => registerCalendarRoutes(app),
};

export { classifyDays } from './service';
export { semesterAt, semesterById, type SemesterRef, semestersOf } from './semesters';
