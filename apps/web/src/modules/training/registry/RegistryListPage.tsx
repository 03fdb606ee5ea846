/** 机构档案: every institution the district or an inspector reaches, with status, list, filing and what waits. */
import { type RegistryInstitution, trainingStatusLabels, INSTITUTION_STATUSES } from '@shuangjian/contracts';
import { Badge, Card, Select, Table } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FilingTag, ListTag, StatusTag } from './labels';
import { useRegistryList } from './queries';

export default function RegistryListPage() {
  const { t, locale } = useI18n();
  const list = useRegistryList();
  const [status, setStatus] = useState<string | undefined>();
  const rows = (list.data ?? []).filter((r) => !status || r.status === status);
  return (
    <>
      <PageHeader
        title={t('menu.training.registry')}
        sub={t('training.reg.listSub')}
        extra={<Select allowClear placeholder={t('training.reg.status')} value={status} onChange={setStatus} style={{ width: 140 }} options={INSTITUTION_STATUSES.map((s) => ({ value: s, label: trainingStatusLabels[s][locale] }))} />}
      />
      <QueryError error={list.error} />
      <Card>
        <Table<RegistryInstitution>
          rowKey="institutionId"
          size="middle"
          loading={list.isLoading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 900 }}
          columns={[
            { title: t('training.reg.queue.institution'), key: 'n', render: (_, r) => <Link to={`/training/registry/institutions/${r.institutionId}`}>{r.institutionName}</Link> },
            { title: t('training.reg.profile.licenseNo'), dataIndex: 'licenseNo' },
            { title: t('training.reg.profile.category'), dataIndex: 'field' },
            { title: t('training.reg.profile.zone'), dataIndex: 'zoneName' },
            { title: t('training.reg.status'), key: 's', render: (_, r) => <StatusTag status={r.status} /> },
            { title: t('training.reg.list'), key: 'l', render: (_, r) => <ListTag list={r.listStatus} /> },
            { title: t('training.reg.filingStatus'), key: 'f', render: (_, r) => <FilingTag status={r.filingStatus} /> },
            { title: t('training.reg.courses'), dataIndex: 'courses', align: 'right' },
            { title: t('training.reg.waiting'), key: 'w', align: 'right', render: (_, r) => <Badge count={r.waiting} showZero={false} /> },
          ]}
        />
      </Card>
    </>
  );
}
