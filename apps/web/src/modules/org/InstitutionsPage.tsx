/** Placeholder until the page lands. */
export default function InstitutionsPage() {
  return null;
}
