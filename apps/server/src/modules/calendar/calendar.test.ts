import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createWorld, type World } from '../../../test/harness';

let w: World;
let schoolId: string;
beforeAll(async () => {
  w = await createWorld();
  schoolId = (await call(w.app, await w.login('demo-principal'), 'GET', '/api/schools')).body[0].id;
});
afterAll(() => w.close());

describe('school calendar', () => {
  it('answers what kind of day each date is for a school', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/calendar/days?schoolId=${schoolId}&from=2026-09-30&to=2026-10-11`);
    expect(r.status).toBe(200);
    const kinds = Object.fromEntries(r.body.map((d: { date: string; kind: string }) => [d.date, d.kind]));
    expect(kinds).toMatchObject({
      '2026-09-30': 'school_day',
      '2026-10-01': 'holiday',
      '2026-10-07': 'holiday',
      '2026-10-08': 'school_day',
      '2026-10-10': 'school_day', // 调休上班
      '2026-10-11': 'weekend',
    });
    const summer = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/calendar/days?from=2026-08-01&to=2026-08-01`);
    expect(summer.body[0]).toMatchObject({ kind: 'vacation', name: '暑假' });
  });

  it("lets a school close a day for itself only", async () => {
    const principal = await w.login('demo-principal');
    const e = await call(w.app, principal, 'POST', '/api/calendar/entries', { kind: 'vacation', name: '秋季运动会调休', startDate: '2026-11-27', endDate: '2026-11-27', schoolId });
    expect(e.status).toBe(200);
    const mine = await call(w.app, principal, 'GET', `/api/calendar/days?schoolId=${schoolId}&from=2026-11-27&to=2026-11-27`);
    expect(mine.body[0]).toMatchObject({ kind: 'vacation', name: '秋季运动会调休' });
    const district = await call(w.app, principal, 'GET', `/api/calendar/days?from=2026-11-27&to=2026-11-27`);
    expect(district.body[0].kind).toBe('school_day');
    const other = (await call(w.app, await w.login('demo-district'), 'GET', '/api/schools')).body.find((s: { code: string }) => s.code === 'CX02');
    const theirs = await call(w.app, await w.login('demo-district'), 'GET', `/api/calendar/days?schoolId=${other.id}&from=2026-11-27&to=2026-11-27`);
    expect(theirs.body[0].kind).toBe('school_day');
  });

  it('keeps district entries and semesters to the district office', async () => {
    const principal = await w.login('demo-principal');
    const r = await call(w.app, principal, 'POST', '/api/calendar/entries', { kind: 'holiday', name: '假日', startDate: '2026-12-01', endDate: '2026-12-01' });
    expect(r.status).toBe(403);
    expect((await call(w.app, principal, 'POST', '/api/semesters', { name: 'x', schoolYear: '2031-2032', term: 1, startDate: '2031-09-01', endDate: '2032-01-20' })).status).toBe(403);
  });

  it('validates semesters: order of dates, no overlap', async () => {
    const admin = await w.login('demo-district');
    const backwards = await call(w.app, admin, 'POST', '/api/semesters', { name: '错', schoolYear: '2031-2032', term: 1, startDate: '2032-01-20', endDate: '2031-09-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.message).toContain('结束日期');
    const overlap = await call(w.app, admin, 'POST', '/api/semesters', { name: '重叠', schoolYear: '2031-2032', term: 1, startDate: '2026-12-01', endDate: '2027-03-01' });
    expect(overlap.status).toBe(400);
    expect(overlap.body.message).toContain('重叠');
    const ok = await call(w.app, admin, 'POST', '/api/semesters', { name: '2031-2032学年第一学期', schoolYear: '2031-2032', term: 1, startDate: '2031-09-01', endDate: '2032-01-20' });
    expect(ok.status).toBe(200);
  });

  it('limits a days query to 400 days', async () => {
    const r = await call(w.app, await w.login('demo-teacher'), 'GET', `/api/calendar/days?from=2026-01-01&to=2028-01-01`);
    expect(r.status).toBe(400);
  });
});
