/** HTTP routes of the school calendar. */
import { CalendarEntry, CalendarEntryInput, DayInfo, DaysQuery, ErrorBody, Id, IdParams, Ok, Semester, SemesterInput } from '@shuangjian/contracts';
import { z } from 'zod';
import type { App } from '../../platform/http';
import * as calendar from './service';

const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody };
const tags = ['calendar'];

export function registerCalendarRoutes(app: App) {
  app.get('/api/semesters', { schema: { tags, summary: '学期列表', response: { 200: z.array(Semester), ...errors } } }, (req) =>
    calendar.listSemesters(req.ctx),
  );
  app.post('/api/semesters', { schema: { tags, summary: '新建学期', body: SemesterInput, response: { 200: Semester, ...errors } } }, (req) =>
    calendar.saveSemester(req.ctx, null, req.body),
  );
  app.put('/api/semesters/:id', { schema: { tags, summary: '修改学期', params: IdParams, body: SemesterInput, response: { 200: Semester, ...errors } } }, (req) =>
    calendar.saveSemester(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/semesters/:id', { schema: { tags, summary: '删除学期', params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await calendar.deleteSemester(req.ctx, req.params.id);
    return { ok: true as const };
  });

  app.get(
    '/api/calendar/entries',
    { schema: { tags, summary: '校历条目（节假日、调休、假期）', querystring: z.object({ schoolId: Id.optional() }), response: { 200: z.array(CalendarEntry), ...errors } } },
    (req) => calendar.listEntries(req.ctx, req.query.schoolId),
  );
  app.post('/api/calendar/entries', { schema: { tags, summary: '新建校历条目', body: CalendarEntryInput, response: { 200: CalendarEntry, ...errors } } }, (req) =>
    calendar.saveEntry(req.ctx, null, req.body),
  );
  app.put(
    '/api/calendar/entries/:id',
    { schema: { tags, summary: '修改校历条目', params: IdParams, body: CalendarEntryInput, response: { 200: CalendarEntry, ...errors } } },
    (req) => calendar.saveEntry(req.ctx, req.params.id, req.body),
  );
  app.delete('/api/calendar/entries/:id', { schema: { tags, summary: '删除校历条目', params: IdParams, response: { 200: Ok, ...errors } } }, async (req) => {
    await calendar.deleteEntry(req.ctx, req.params.id);
    return { ok: true as const };
  });
  app.get(
    '/api/calendar/days',
    { schema: { tags, summary: '某校某段日期的日类型（上课日/周末/法定节假日/假期）', querystring: DaysQuery, response: { 200: z.array(DayInfo), ...errors } } },
    (req) => calendar.daysForSchool(req.ctx, req.query.schoolId, req.query.from, req.query.to),
  );
}
