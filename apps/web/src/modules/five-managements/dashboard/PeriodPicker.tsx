/** The week (any day of it; the Monday is meant) and the semester a dashboard shows; no week after this one. */
import type { DashboardPeriod } from '@shuangjian/contracts';
import { DatePicker, Flex, Select } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';
import type { DashboardPeriodParams } from './queries';

export function PeriodPicker({
  data,
  value,
  onChange,
  week = true,
}: {
  data: Pick<DashboardPeriod, 'semester' | 'semesters'> & { week?: string; weekEnd?: string } | undefined;
  value: DashboardPeriodParams;
  onChange: (next: DashboardPeriodParams) => void;
  week?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Flex gap={8} wrap align="center">
      {week && (
        <DatePicker
          picker="week"
          allowClear={false}
          inputReadOnly
          aria-label={t('five.dashboard.week')}
          data-testid="dashboard-week"
          value={data?.week ? dayjs(data.week) : null}
          format={() => (data?.week ? t('five.dashboard.weekOf', { from: data.week, to: data.weekEnd ?? '' }) : '')}
          style={{ minWidth: 250 }}
          disabledDate={(d) => d.isAfter(dayjs(), 'day')}
          onChange={(d) => d && onChange({ ...value, week: d.format('YYYY-MM-DD'), semesterId: undefined })}
        />
      )}
      <Select
        style={{ minWidth: 200 }}
        aria-label={t('five.dashboard.semester')}
        placeholder={t('five.dashboard.semester')}
        value={value.semesterId ?? data?.semester?.id}
        options={data?.semesters.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v: string) => onChange({ ...value, semesterId: v })}
      />
    </Flex>
  );
}
