/** Placeholder until the page lands. */
export default function LibraryPage() {
  return null;
}
