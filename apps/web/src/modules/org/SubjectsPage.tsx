/** Placeholder until the page lands. */
export default function SubjectsPage() {
  return null;
}
