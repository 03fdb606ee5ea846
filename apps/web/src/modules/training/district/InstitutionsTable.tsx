/** Every institution within reach with its money, coverage and cases; a row opens the institution. */
import { custodyModeLabels, trainingStatusLabels, type TrainingInstitutionStatsRow, type TrainingStatus } from '@shuangjian/contracts';
import { type Fen, formatYuan } from '@shuangjian/policy';
import { Table, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

const STATUS_COLOR: Record<string, string> = { active: 'green', rectifying: 'gold', suspended: 'volcano', closed: 'default' };

export function StatusTag({ status }: { status: string }) {
  const { locale } = useI18n();
  return <Tag color={STATUS_COLOR[status]}>{trainingStatusLabels[status as TrainingStatus]?.[locale] ?? status}</Tag>;
}

export function CoveredTag({ covered }: { covered: boolean | null }) {
  const { t } = useI18n();
  if (covered === null) return <Tag>{t('training.district.coveredNone')}</Tag>;
  return covered ? <Tag color="green">{t('training.district.coveredYes')}</Tag> : <Tag color="red">{t('training.district.coveredNo')}</Tag>;
}

export function InstitutionsTable({ rows, loading, onOpen }: { rows: TrainingInstitutionStatsRow[]; loading: boolean; onOpen: (r: TrainingInstitutionStatsRow) => void }) {
  const { t, locale } = useI18n();
  const yuan = (v: number) => formatYuan(v as Fen, { locale });
  return (
    <Table<TrainingInstitutionStatsRow>
      rowKey="institutionId"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      scroll={{ x: 1000 }}
      onRow={(r) => ({ onClick: () => onOpen(r), style: { cursor: 'pointer' } })}
      columns={[
        { title: t('training.district.institution'), dataIndex: 'institutionName', fixed: 'left', width: 200 },
        { title: t('training.district.zone'), dataIndex: 'zoneName' },
        { title: t('training.district.status'), key: 'status', render: (_, r) => <StatusTag status={r.status} /> },
        { title: t('training.district.category'), key: 'category', render: (_, r) => t(r.category === 'subject' ? 'training.district.subject' : 'training.district.nonSubject') },
        { title: t('training.district.mode'), key: 'mode', render: (_, r) => custodyModeLabels[r.custodyMode][locale] },
        { title: t('training.district.covered'), key: 'covered', render: (_, r) => <CoveredTag covered={r.covered} /> },
        { title: t('training.district.held'), key: 'held', align: 'right', render: (_, r) => yuan(r.heldFen) },
        { title: t('training.district.owed'), key: 'owed', align: 'right', render: (_, r) => yuan(r.owedFen) },
        { title: t('training.district.deposit'), key: 'deposit', align: 'right', render: (_, r) => yuan(r.depositFen) },
        { title: t('training.district.released'), key: 'released', align: 'right', render: (_, r) => yuan(r.releasedFen) },
        { title: t('training.district.openAlerts'), key: 'alerts', render: (_, r) => (r.openAlerts ? <Tag color="red">{r.openAlerts}</Tag> : 0) },
      ]}
    />
  );
}
