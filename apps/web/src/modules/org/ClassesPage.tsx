/** Placeholder until the page lands. */
export default function ClassesPage() {
  return null;
}
