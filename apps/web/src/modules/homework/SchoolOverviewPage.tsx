/** Placeholder until the page lands. */
export default function SchoolOverviewPage() {
  return null;
}
