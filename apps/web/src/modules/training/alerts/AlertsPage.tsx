/**
 * 预警处置 (district office, inspectors of their zone): every early-warning case with filters by kind, status, zone and
 * institution; a case opens in a drawer with its evidence, its notes, and the steps (assign, note, close).
 */
import { TRAINING_ALERT_KINDS, TRAINING_ALERT_STATUSES, type TrainingAlertKind, type TrainingAlertRow, type TrainingAlertStatus } from '@shuangjian/contracts';
import { Button, Card, Flex, Select, Table, Tag } from 'antd';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { AlertDrawer } from './AlertDrawer';
import { kindLabel, statusColor, statusLabel } from './labels';
import { useAlerts } from './queries';

export default function AlertsPage() {
  const { t, locale } = useI18n();
  const [params, setParams] = useSearchParams();
  const filter = {
    kind: (params.get('kind') ?? undefined) as TrainingAlertKind | undefined,
    status: (params.get('status') ?? undefined) as TrainingAlertStatus | undefined,
    zoneId: params.get('zoneId') ?? undefined,
    institutionId: params.get('institutionId') ?? undefined,
  };
  const alerts = useAlerts(filter);
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    next.delete('alert');
    setParams(next, { replace: true });
  };
  const rows = useMemo(() => alerts.data ?? [], [alerts.data]);
  const zones = useMemo(() => [...new Map(rows.map((r) => [r.zoneId, r.zoneName])).entries()], [rows]);
  const institutions = useMemo(() => [...new Map(rows.map((r) => [r.institutionId, r.institutionName])).entries()], [rows]);
  const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString(locale) : '');

  return (
    <>
      <PageHeader title={t('menu.training.alerts')} sub={t('training.alerts.sub')} />
      <Flex gap={8} wrap style={{ marginBottom: 12 }}>
        <Select
          allowClear
          style={{ minWidth: 220 }}
          placeholder={t('training.alerts.kind')}
          aria-label={t('training.alerts.kind')}
          value={filter.kind}
          onChange={(v?: string) => set('kind', v)}
          options={TRAINING_ALERT_KINDS.map((k) => ({ value: k, label: kindLabel(k, locale) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 120 }}
          placeholder={t('training.alerts.status')}
          aria-label={t('training.alerts.status')}
          value={filter.status}
          onChange={(v?: string) => set('status', v)}
          options={TRAINING_ALERT_STATUSES.map((s) => ({ value: s, label: statusLabel(s, locale) }))}
        />
        <Select
          allowClear
          style={{ minWidth: 160 }}
          placeholder={t('training.alerts.zone')}
          aria-label={t('training.alerts.zone')}
          value={filter.zoneId}
          onChange={(v?: string) => set('zoneId', v)}
          options={zones.map(([value, label]) => ({ value, label }))}
        />
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          style={{ minWidth: 220 }}
          placeholder={t('training.alerts.institution')}
          aria-label={t('training.alerts.institution')}
          value={filter.institutionId}
          onChange={(v?: string) => set('institutionId', v)}
          options={institutions.map(([value, label]) => ({ value, label }))}
        />
      </Flex>
      {alerts.error && <QueryError error={alerts.error} />}
      <Card size="small">
        <Table<TrainingAlertRow>
          rowKey="id"
          size="small"
          loading={alerts.isLoading}
          dataSource={rows}
          locale={{ emptyText: t('training.alerts.empty') }}
          scroll={{ x: 900 }}
          onRow={(r) => ({ onClick: () => openAlert(r.id), style: { cursor: 'pointer' } })}
          columns={[
            { title: t('training.alerts.kind'), key: 'kind', render: (_, r) => kindLabel(r.kind, locale) },
            { title: t('training.alerts.institution'), dataIndex: 'institutionName' },
            { title: t('training.alerts.zone'), dataIndex: 'zoneName' },
            { title: t('training.alerts.status'), key: 'status', render: (_, r) => <Tag color={statusColor[r.status]}>{statusLabel(r.status, locale)}</Tag> },
            { title: t('training.alerts.assignee'), dataIndex: 'assigneeName' },
            { title: t('training.alerts.openedAt'), key: 'openedAt', render: (_, r) => when(r.openedAt) },
            {
              title: '',
              key: 'open',
              render: (_, r) => (
                <Button size="small" onClick={(e) => (e.stopPropagation(), openAlert(r.id))}>
                  {t('training.alerts.open')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <AlertDrawer id={params.get('alert')} onClose={() => openAlert(null)} />
    </>
  );

  function openAlert(id: string | null) {
    const next = new URLSearchParams(params);
    if (id) next.set('alert', id);
    else next.delete('alert');
    setParams(next, { replace: true });
  }
}
