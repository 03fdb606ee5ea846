/** Placeholder until the page lands. */
export default function ClassCalendarPage() {
  return null;
}
