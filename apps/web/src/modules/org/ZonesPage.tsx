/** Placeholder until the page lands. */
export default function ZonesPage() {
  return null;
}
