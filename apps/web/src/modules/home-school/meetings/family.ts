/** What of a family's upcoming meetings and lectures concerns one child: the child's class, and lectures open to the child's school and grade. */
import type { FamilyUpcoming, Me } from '@shuangjian/contracts';

type Child = Me['children'][number];

export function upcomingFor(data: FamilyUpcoming, child: Child): FamilyUpcoming {
  return {
    meetings: data.meetings.filter((m) => m.className === child.className),
    classLectures: data.classLectures.filter((l) => l.className === child.className),
    lectures: data.lectures.filter((l) => (l.schoolId === null || l.schoolId === child.schoolId) && (l.grades.length === 0 || l.grades.includes(child.grade))),
  };
}

/** The next meeting or lecture, whichever comes first. */
export function nextEvent(data: FamilyUpcoming): { date: string; title: string } | null {
  const all = [...data.meetings.map((m) => ({ date: m.date, title: m.title })), ...data.lectures.map((l) => ({ date: l.date, title: l.title }))];
  all.sort((a, b) => a.date.localeCompare(b.date));
  return all[0] ?? null;
}
