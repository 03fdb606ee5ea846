/** Names of the plan's subjects in the current language, and the colours the grid uses for them. */
import { TIMETABLE_SUBJECTS, type TimetableSubject, timetableSubjectNames } from '@shuangjian/policy';

const EN: Record<TimetableSubject, string> = {
  chinese: 'Chinese',
  math: 'Maths',
  english: 'English',
  morality: 'Morality & Law',
  science: 'Science',
  physics: 'Physics',
  chemistry: 'Chemistry',
  biology: 'Biology',
  history: 'History',
  geography: 'Geography',
  pe: 'PE & Health',
  music: 'Music',
  art: 'Art',
  labour: 'Labour',
  it: 'IT',
  practice: 'Practice',
  local: 'Local/School',
};

export const subjectName = (s: string, locale: 'zh-CN' | 'en') => (locale === 'en' ? EN[s as TimetableSubject] : timetableSubjectNames[s as TimetableSubject]) ?? s;

/** 音体美劳 and labs stand out: they are what a 折扣课表 squeezes. */
export const subjectColor = (s: string): string =>
  s === 'pe' ? 'green' : s === 'music' || s === 'art' ? 'magenta' : s === 'labour' || s === 'practice' ? 'orange' : ['science', 'physics', 'chemistry', 'biology'].includes(s) ? 'cyan' : 'default';

export const subjectOptions = (locale: 'zh-CN' | 'en') => TIMETABLE_SUBJECTS.map((s) => ({ value: s, label: subjectName(s, locale) }));
