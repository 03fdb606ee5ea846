/** The dashboards' period in the address (?week=&semester=), so a drill-down link and a reload keep it. */
import { useSearchParams } from 'react-router';
import type { DashboardPeriodParams } from './queries';

export function usePeriod() {
  const [params, setParams] = useSearchParams();
  const period: DashboardPeriodParams = { week: params.get('week') ?? undefined, semesterId: params.get('semester') ?? undefined };
  const set = (next: DashboardPeriodParams) => {
    const out: Record<string, string> = {};
    if (next.week) out.week = next.week;
    if (next.semesterId) out.semester = next.semesterId;
    setParams(out, { replace: true });
  };
  /** The query string a drill-down link carries. */
  const search = params.toString() ? `?${params.toString()}` : '';
  return { period, set, search };
}
