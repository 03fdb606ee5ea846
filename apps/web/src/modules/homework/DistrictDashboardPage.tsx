/** Placeholder until the page lands. */
export default function DistrictDashboardPage() {
  return null;
}
