/** Every change of the institution's status and list, with its reason and who made it. */
import { type InstitutionStatus, type RegistryStatusEvent, trainingStatusLabels } from '@shuangjian/contracts';
import { Table } from 'antd';
import dayjs from 'dayjs';
import { useI18n } from '../../../app/i18n';

export function HistoryTab({ history }: { history: RegistryStatusEvent[] }) {
  const { t, locale } = useI18n();
  const status = (s: string) => trainingStatusLabels[s as InstitutionStatus]?.[locale] ?? s;
  return (
    <Table<RegistryStatusEvent>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={history}
      locale={{ emptyText: t('training.reg.history.none') }}
      scroll={{ x: 700 }}
      data-testid="status-history"
      columns={[
        { title: t('training.reg.history.at'), dataIndex: 'at', width: 150, render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm') },
        {
          title: t('training.reg.history.change'),
          key: 'c',
          render: (_, h) => `${status(h.fromStatus)} → ${status(h.toStatus)}${h.fromList !== h.toList ? `（${t(`training.reg.list.${h.fromList}`)} → ${t(`training.reg.list.${h.toList}`)}）` : ''}`,
        },
        { title: t('training.reg.history.reason'), dataIndex: 'reason' },
        { title: t('training.reg.history.by'), dataIndex: 'byName', width: 100 },
      ]}
    />
  );
}
