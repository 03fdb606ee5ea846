/** Placeholder until the page lands. */
export default function PoliciesPage() {
  return null;
}
