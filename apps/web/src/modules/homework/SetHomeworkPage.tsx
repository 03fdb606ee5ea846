/** Placeholder until the page lands. */
export default function SetHomeworkPage() {
  return null;
}
