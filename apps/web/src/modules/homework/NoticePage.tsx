/** Placeholder until the page lands. */
export default function NoticePage() {
  return null;
}
