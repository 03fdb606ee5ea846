/** Placeholder until the page lands. */
export default function RosterPage() {
  return null;
}
