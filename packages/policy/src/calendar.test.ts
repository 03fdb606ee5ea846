import { describe, expect, it } from 'vitest';
import { classifyDay, type CalendarEntrySpan, type SemesterSpan } from './calendar';
import { addDays, dateRange, isLocalDate, isoWeekday, weekStart } from './dates';

const autumn: SemesterSpan = { id: 's1', name: '2026-2027学年第一学期', startDate: '2026-09-01', endDate: '2027-01-22' };
const entries: CalendarEntrySpan[] = [
  { id: 'nd', kind: 'holiday', name: '国庆节', startDate: '2026-10-01', endDate: '2026-10-07', schoolId: null },
  { id: 'w1', kind: 'workday', name: '国庆节调休上班', startDate: '2026-10-10', endDate: '2026-10-10', schoolId: null },
  { id: 'w2', kind: 'workday', name: '暑期调休', startDate: '2026-08-29', endDate: '2026-08-29', schoolId: null },
  { id: 'sp', kind: 'vacation', name: '校运会调休', startDate: '2026-11-20', endDate: '2026-11-20', schoolId: 'school-a' },
  { id: 'sw', kind: 'workday', name: '校运会补课', startDate: '2026-11-21', endDate: '2026-11-21', schoolId: 'school-a' },
  { id: 'win', kind: 'vacation', name: '寒假', startDate: '2027-01-23', endDate: '2027-02-21', schoolId: null },
];

const kind = (date: string, school: string | null = 'school-a') => classifyDay(date, [autumn], entries, school).kind;

describe('classifyDay', () => {
  it('a weekday inside the semester is a school day', () => {
    expect(kind('2026-11-26')).toBe('school_day');
    expect(classifyDay('2026-11-26', [autumn], entries, null)).toMatchObject({ schoolDay: true, reason: 'weekday', semesterId: 's1' });
  });
  it('Saturday and Sunday are weekends', () => {
    expect(kind('2026-11-28')).toBe('weekend');
    expect(kind('2026-11-29')).toBe('weekend');
  });
  it('a statutory holiday wins over the weekday', () => {
    expect(classifyDay('2026-10-01', [autumn], entries, 'school-a')).toMatchObject({ kind: 'holiday', name: '国庆节', entryId: 'nd' });
    expect(kind('2026-10-03')).toBe('holiday'); // a Saturday inside the holiday
  });
  it('a worked weekend (调休) is a school day', () => {
    expect(classifyDay('2026-10-10', [autumn], entries, 'school-b')).toMatchObject({ kind: 'school_day', reason: 'entry', entryId: 'w1' });
  });
  it('a worked weekend outside every semester stays vacation', () => {
    expect(kind('2026-08-29')).toBe('vacation');
  });
  it('outside every semester is vacation, named by an entry when one covers it', () => {
    expect(classifyDay('2026-08-10', [autumn], entries, null)).toMatchObject({ kind: 'vacation', reason: 'outside_semester' });
    expect(classifyDay('2027-02-01', [autumn], entries, null)).toMatchObject({ kind: 'vacation', name: '寒假' });
  });
  it("a school's own entries apply to it alone and win over the district's", () => {
    expect(kind('2026-11-20', 'school-a')).toBe('vacation');
    expect(kind('2026-11-20', 'school-b')).toBe('school_day');
    expect(kind('2026-11-21', 'school-a')).toBe('school_day');
    expect(kind('2026-11-21', 'school-b')).toBe('weekend');
  });
  it('the district view ignores school entries', () => {
    expect(kind('2026-11-20', null)).toBe('school_day');
  });
});

describe('dates', () => {
  it('validates calendar dates', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2026-02-29')).toBe(false);
    expect(isLocalDate('2028-02-29')).toBe(true);
    expect(isLocalDate('2026-2-1')).toBe(false);
  });
  it('does weekday arithmetic', () => {
    expect(isoWeekday('2026-11-26')).toBe(4);
    expect(weekStart('2026-11-29')).toBe('2026-11-23');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(dateRange('2026-11-29', '2026-12-02')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
  });
});
