/** Placeholder until the page lands. */
export default function ClassDayPage() {
  return null;
}
