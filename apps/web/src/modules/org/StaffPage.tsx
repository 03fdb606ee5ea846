/** Placeholder until the page lands. */
export default function StaffPage() {
  return null;
}
