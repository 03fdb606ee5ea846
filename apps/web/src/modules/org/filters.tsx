/** Filters kept in the URL (so a link or the back button brings the same view) and the school picker. */
import { Select } from 'antd';
import type { CSSProperties } from 'react';
import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { useT } from '../../app/i18n';
import { useSchools } from './queries';

type Params = Record<string, string | number | undefined | null>;

/** Reads query parameters and sets several at once (empty values are removed; `page` resets unless given). */
export function useUrlFilters<K extends string>(...names: K[]) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(names.map((n) => [n, params.get(n) ?? undefined])) as Record<K, string | undefined>;
  const set = useCallback(
    (next: Partial<Record<K, Params[string]>>) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (!('page' in next)) out.delete('page');
          for (const [k, v] of Object.entries(next) as [string, Params[string]][]) {
            if (v === undefined || v === null || v === '') out.delete(k);
            else out.set(k, String(v));
          }
          return out;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [values, set] as const;
}

export function SchoolSelect({
  value,
  onChange,
  allowClear,
  style,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
  allowClear?: boolean;
  style?: CSSProperties;
}) {
  const t = useT();
  const schools = useSchools();
  return (
    <Select
      data-testid="school-select"
      value={value}
      onChange={(v: string | undefined) => onChange(v)}
      allowClear={allowClear}
      placeholder={allowClear ? t('org.filter.allSchools') : t('org.filter.school')}
      loading={schools.isLoading}
      showSearch={{ optionFilterProp: 'label' }}
      options={schools.data?.map((s) => ({ value: s.id, label: s.name }))}
      style={{ minWidth: 200, ...style }}
    />
  );
}
