/** Placeholder until the page lands. */
export default function StudentsPage() {
  return null;
}
