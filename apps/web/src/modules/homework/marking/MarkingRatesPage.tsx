/**
 * 批改情况: the marking rate (published items with a marking record ÷ published items). Academic affairs and the
 * grade and subject leaders see their school per week, teacher and class; the district office and inspectors see every
 * school within reach and open one.
 */
import { ArrowLeftOutlined } from '@ant-design/icons';
import { addDays, weekStart } from '@shuangjian/policy';
import { Alert, Button, Card, Flex, Segmented, Select, Table, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { districtToday, formatDay } from '../components/model';
import { percent, ratio } from '../components/rates';
import { type DistrictRatesRow, useDistrictRates } from './queries';
import { RateBar, rateColor, SchoolRates } from './SchoolRates';

const WEEKS = [1, 4, 8] as const;

function DistrictRates({ from, to, onOpen }: { from: string; to: string; onOpen(schoolId: string): void }) {
  const { t } = useI18n();
  const rates = useDistrictRates(from, to, true);
  if (rates.error) return <Alert type="error" showIcon title={rates.error.message} />;
  const r = rates.data;
  const total = r ? ratio(r.total.marked, r.total.published) : null;
  return (
    <Card
      size="small"
      title={t('hwm.rates.bySchool')}
      extra={
        r && (
          <Typography.Text>
            {t('hwm.rates.districtTotal')} <Typography.Text strong style={{ color: rateColor(total) }}>{percent(total)}</Typography.Text> ({r.total.marked}/{r.total.published})
          </Typography.Text>
        )
      }
    >
      <Table<DistrictRatesRow['schools'][number]>
        rowKey="schoolId"
        size="small"
        loading={rates.isLoading}
        pagination={false}
        dataSource={r?.schools ?? []}
        data-testid="marking-schools"
        onRow={(s) => ({ onClick: () => onOpen(s.schoolId), style: { cursor: 'pointer' } })}
        columns={[
          { title: t('hwm.col.school'), dataIndex: 'schoolName', render: (n: string) => <Typography.Link>{n}</Typography.Link> },
          { title: t('hwm.col.zone'), dataIndex: 'zoneName' },
          { title: t('hwm.col.published'), dataIndex: 'published', align: 'right', width: 100 },
          { title: t('hwm.col.rate'), key: 'rate', width: 200, render: (_, s) => <RateBar c={s} />, sorter: (a, b) => (ratio(a.marked, a.published) ?? 1) - (ratio(b.marked, b.published) ?? 1) },
          { title: t('hwm.col.faceToFace'), dataIndex: 'faceToFace', align: 'right', width: 100 },
        ]}
      />
    </Card>
  );
}

export default function MarkingRatesPage() {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const today = districtToday(tz);
  const [params, setParams] = useSearchParams();
  const set = (patch: Record<string, string | null>) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        for (const [k, v] of Object.entries(patch)) {
          if (v === null) next.delete(k);
          else next.set(k, v);
        }
        return next;
      },
      { replace: true },
    );
  const weeks = WEEKS.find((w) => String(w) === params.get('weeks')) ?? 4;
  const to = today;
  const from = addDays(weekStart(today), -7 * (weeks - 1));
  const district = can(me, 'homework.district');
  const schools = me?.schools ?? [];
  const schoolId = params.get('schoolId') ?? (district ? null : (schools[0]?.id ?? null));
  return (
    <>
      <PageHeader
        title={t('menu.homework.markingRates')}
        sub={t('hwm.rates.sub', { from: formatDay(from, locale), to: formatDay(to, locale) })}
        extra={
          <Flex gap={8} wrap>
            {district && schoolId && (
              <Button icon={<ArrowLeftOutlined />} onClick={() => set({ schoolId: null })}>
                {t('hwm.rates.allSchools')}
              </Button>
            )}
            {!district && schools.length > 1 && (
              <Select value={schoolId} style={{ minWidth: 200 }} options={schools.map((s) => ({ value: s.id, label: s.name }))} onChange={(v: string) => set({ schoolId: v })} />
            )}
            <Segmented
              value={weeks}
              options={WEEKS.map((w) => ({ value: w, label: w === 1 ? t('hwv.thisWeek') : t('hwm.rates.lastWeeks', { n: w }) }))}
              onChange={(v) => set({ weeks: String(v) })}
            />
          </Flex>
        }
      />
      {schoolId ? (
        <SchoolRates schoolId={schoolId} from={from} to={to} thisWeek={weekStart(today)} />
      ) : district ? (
        <DistrictRates from={from} to={to} onOpen={(id) => set({ schoolId: id })} />
      ) : (
        <Alert type="info" showIcon title={t('hwm.rates.noSchool')} />
      )}
    </>
  );
}
