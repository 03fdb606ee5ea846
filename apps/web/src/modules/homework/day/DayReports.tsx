/**
 * 家长填报情况 on a published class-day: which children's families reported and which have not (guardians' names and
 * masked phones), what the reports say (within the limit, stopped at bedtime, ended after bedtime), and for the class
 * teacher a reminder to the families still to report.
 */
import { BellOutlined, QuestionCircleOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, List, Segmented, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { type ClassDayReportsRow, dayReportsKey, fetchDayReports, remindFamilies } from '../components/family';

type Row = ClassDayReportsRow['rows'][number];
type Filter = 'missing' | 'reported' | 'all';

function Outcome({ row }: { row: Row }) {
  const { t } = useI18n();
  const tags = [];
  if (row.stoppedAtBedtime) tags.push(<Tag key="b" color="orange">{t('hwf.reports.bedtime')}</Tag>);
  else if (row.withinLimit) tags.push(<Tag key="w" color="success">{t('hwf.reports.within')}</Tag>);
  else if (row.finished) tags.push(<Tag key="o" color="error">{t('hwf.reports.over')}</Tag>);
  else tags.push(<Tag key="u">{t('hwf.reports.unfinished')}</Tag>);
  return (
    <Space size={4} wrap>
      {tags}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('hwf.reports.minutes', { n: row.minutes ?? 0 })}
      </Typography.Text>
      {row.endedAt && (
        <Typography.Text type={row.lateMinutes ? 'warning' : 'secondary'} style={{ fontSize: 13 }}>
          {row.lateMinutes ? t('hwf.reports.late', { time: row.endedAt, n: row.lateMinutes }) : t('hwf.reports.ended', { time: row.endedAt })}
        </Typography.Text>
      )}
    </Space>
  );
}

function Guardians({ row }: { row: Row }) {
  const { t } = useI18n();
  if (!row.guardians) return null;
  if (!row.guardians.length) return <Typography.Text type="secondary">{t('hwf.reports.noGuardian')}</Typography.Text>;
  return (
    <Space size={[12, 0]} wrap>
      {row.guardians.map((g) => (
        <Typography.Text key={`${g.name}${g.phone}`} type="secondary" style={{ fontSize: 13 }}>
          {g.name}（{g.relation}）{g.phone}
          {!g.hasAccount && ` · ${t('hwf.reports.noAccount')}`}
        </Typography.Text>
      ))}
    </Space>
  );
}

export function DayReports({ classId, date, canRemind, today }: { classId: string; date: string; canRemind: boolean; today: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const reports = useQuery({ queryKey: dayReportsKey(classId, date), queryFn: () => fetchDayReports(classId, date) });
  const [filter, setFilter] = useState<Filter | null>(null);
  const remind = useSaveMutation({
    form: null,
    mutationFn: () => remindFamilies(classId, date),
    saved: (r) => (r.alreadyReminded ? t('hwf.reports.remindedBefore', { n: r.reminded, m: r.alreadyReminded }) : t('hwf.reports.reminded', { n: r.reminded })),
    onSuccess: () => void client.invalidateQueries({ queryKey: dayReportsKey(classId, date) }),
  });
  const r = reports.data;
  if (reports.error) return <Alert type="error" showIcon title={reports.error.message} />;
  if (!r) return <Card title={t('hwf.reports.title')} loading />;
  const missing = r.rows.filter((x) => !x.reported);
  const shown = filter ?? (missing.length ? 'missing' : 'reported');
  const rows = shown === 'all' ? r.rows : shown === 'missing' ? missing : r.rows.filter((x) => x.reported);
  return (
    <Card
      title={t('hwf.reports.title')}
      data-testid="day-reports"
      extra={
        <Typography.Text strong data-testid="day-reports-summary">
          {t('hwf.reports.summary', { n: r.reporters, total: r.students })}
        </Typography.Text>
      }
    >
      {r.publishedVersion === 0 ? (
        <Typography.Text type="secondary">{t('hwf.reports.notPublished')}</Typography.Text>
      ) : (
        <Flex vertical gap={12}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text data-testid="day-reports-figures">
              {t('hwf.reports.figures', { within: r.withinLimit, bedtime: r.bedtimeStops, late: r.lateNights })}
            </Typography.Text>
            <Tooltip title={t('hwf.reports.figuresHelp')}>
              <QuestionCircleOutlined style={{ color: '#8c8c8c' }} aria-label={t('hwf.reports.figuresHelp')} />
            </Tooltip>
          </Flex>
          <Flex justify="space-between" align="center" gap={8} wrap>
            <Segmented
              value={shown}
              onChange={(v) => setFilter(v as Filter)}
              options={[
                { value: 'missing', label: t('hwf.reports.filter.missing', { n: missing.length }) },
                { value: 'reported', label: t('hwf.reports.filter.reported', { n: r.reporters }) },
                { value: 'all', label: t('hwf.reports.filter.all', { n: r.students }) },
              ]}
              data-testid="day-reports-filter"
            />
            {canRemind && missing.length > 0 && date <= today && (
              <Button icon={<BellOutlined />} onClick={() => remind.mutate(undefined)} loading={remind.isPending} data-testid="day-reports-remind">
                {t('hwf.reports.remind')}
              </Button>
            )}
          </Flex>
          <List
            size="small"
            dataSource={rows}
            locale={{ emptyText: shown === 'missing' ? t('hwf.reports.empty') : t('common.none') }}
            style={{ maxHeight: 480, overflowY: 'auto' }}
            renderItem={(row) => (
              <List.Item data-testid="day-report-row" data-reported={row.reported}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8} wrap>
                    <Typography.Text strong>
                      {row.studentName}{' '}
                      <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                        {row.studentNo}
                      </Typography.Text>
                    </Typography.Text>
                    {row.reported && <Outcome row={row} />}
                  </Flex>
                  {!row.reported && <Guardians row={row} />}
                </Flex>
              </List.Item>
            )}
          />
        </Flex>
      )}
    </Card>
  );
}
