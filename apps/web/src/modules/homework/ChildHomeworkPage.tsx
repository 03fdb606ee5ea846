/** Placeholder until the page lands. */
export default function ChildHomeworkPage() {
  return null;
}
