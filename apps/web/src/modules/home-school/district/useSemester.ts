/** The dashboard's semester in the address (?semester=), so a drill-down link and a reload keep it. */
import { useSearchParams } from 'react-router';

export function useSemester() {
  const [params, setParams] = useSearchParams();
  const semesterId = params.get('semester') ?? undefined;
  const set = (id: string) => setParams({ semester: id }, { replace: true });
  /** The query string a drill-down link carries. */
  const search = semesterId ? `?semester=${semesterId}` : '';
  return { semesterId, set, search };
}
