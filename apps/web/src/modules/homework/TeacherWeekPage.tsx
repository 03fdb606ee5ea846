/** Placeholder until the page lands. */
export default function TeacherWeekPage() {
  return null;
}
