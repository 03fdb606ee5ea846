/** Placeholder until the page lands. */
export default function TodoPage() {
  return null;
}
