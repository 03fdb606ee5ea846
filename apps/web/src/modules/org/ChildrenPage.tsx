/** Placeholder until the page lands. */
export default function ChildrenPage() {
  return null;
}
