/** The load check of every target class-day, asked again (debounced) while the teacher types. */
import { ITEM_CONTENT_MAX, ITEM_MINUTES_MAX } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../../app/api';
import { hwKey, type LoadCheckResultRow, type LoadEntryRow, useDebounced } from '../components/model';
import type { EntryValues } from './plan';

/** One load-check request per distinct draft (a weekly plan copied from one day is one request). */
export function useLoadCheck(classIds: string[], subjectId: string | undefined, entries: EntryValues[], excludeItemId?: string) {
  const input = useDebounced(
    {
      classIds,
      subjectId,
      excludeItemId,
      entries: entries
        .filter((e) => e?.date)
        .map((e) => ({ date: e.date, type: e.type, layer: e.layer, place: e.place, minutes: Math.max(0, Math.min(ITEM_MINUTES_MAX, Math.round(e.minutes ?? 0))), content: (e.content ?? '').slice(0, ITEM_CONTENT_MAX) })),
    },
    300,
  );
  const enabled = input.classIds.length > 0 && input.entries.length > 0;
  const query = useQuery({
    queryKey: hwKey('load-check', input),
    enabled,
    placeholderData: (prev) => prev,
    queryFn: async () => {
      const groups = new Map<string, { draft: Omit<(typeof input.entries)[number], 'date'>; dates: string[] }>();
      for (const { date, ...draft } of input.entries) {
        const key = JSON.stringify(draft);
        const g = groups.get(key) ?? { draft, dates: [] };
        g.dates.push(date);
        groups.set(key, g);
      }
      const results = await Promise.all(
        [...groups.values()].map((g) =>
          api.post<LoadCheckResultRow>('/api/homework/load-check', {
            classIds: input.classIds,
            dates: g.dates,
            draft: { ...g.draft, subjectId: input.subjectId },
            excludeItemId: input.excludeItemId,
          }),
        ),
      );
      const order = (e: LoadEntryRow) => `${String(input.classIds.indexOf(e.classId)).padStart(3, '0')}|${e.date}`;
      return results.flatMap((r) => r.entries).sort((a, b) => order(a).localeCompare(order(b)));
    },
  });
  return { ...query, enabled };
}
