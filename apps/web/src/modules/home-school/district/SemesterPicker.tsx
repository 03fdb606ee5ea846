/** The semester a dashboard shows (the current one unless chosen), from the district's calendar. */
import { Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { useSemesters } from '../../calendar/queries';

export function SemesterPicker({ value, onChange }: { value: string | undefined; onChange: (id: string) => void }) {
  const { t } = useI18n();
  const semesters = useSemesters();
  return (
    <Select
      style={{ minWidth: 200 }}
      data-testid="hs-semester"
      aria-label={t('hs.district.semester')}
      placeholder={t('hs.district.semester')}
      value={value}
      loading={semesters.isLoading}
      options={[...(semesters.data ?? [])].sort((a, b) => b.startDate.localeCompare(a.startDate)).map((s) => ({ value: s.id, label: s.name }))}
      onChange={onChange}
    />
  );
}
