/** A child's last night as the family reported it: undefined while loading, null when not reported yet. */
import type { SleepNight } from '@shuangjian/contracts';
import { useFamilySleep } from './queries';

export function useLastNight(studentId: string | undefined): SleepNight | null | undefined {
  const data = useFamilySleep(studentId).data;
  if (!data) return undefined;
  return data.nights.find((n) => n.date === data.lastNight) ?? null;
}
