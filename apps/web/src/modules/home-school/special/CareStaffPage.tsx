/** 关爱专干: the school administrator designates members of the school's staff who read and keep its special students' files, and removes them. */
import './messages';
import { UserAddOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { applyServerError } from '../../../components/errors';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ConfirmLink } from '../../../components/RowActions';
import { type CareStaffList, useCareStaff, useSpecialWrites } from './queries';

type Row = CareStaffList['items'][number];

export default function CareStaffPage() {
  const { t } = useI18n();
  const message = useMessage();
  const { data: me } = useMe();
  const list = useCareStaff();
  const writes = useSpecialWrites();
  const schools = me?.schools ?? [];
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [userId, setUserId] = useState<string | undefined>();
  const [busy, setBusy] = useState<string | null>(null);
  const school = schoolId ?? schools[0]?.id;
  const candidates = (list.data?.candidates ?? []).filter((c) => c.schoolId === school).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));

  const run = async (key: string, action: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await action();
      message.success(done);
      return true;
    } catch (e) {
      applyServerError(null, e, message.error);
      return false;
    } finally {
      setBusy(null);
    }
  };
  const designate = async () => {
    if (!school || !userId) return;
    const name = candidates.find((c) => c.id === userId)?.name ?? '';
    if (await run('add', () => writes.designate(school, userId), t('hs.care.added', { name }))) setUserId(undefined);
  };

  return (
    <Flex vertical gap={12} style={{ maxWidth: 820 }}>
      <PageHeader title={t('menu.homeSchool.careStaff')} sub={t('hs.care.sub')} />
      <QueryError error={list.error} style={{ marginBottom: 0 }} />
      <Card size="small" title={t('hs.care.designate')}>
        <Flex gap={8} wrap>
          {schools.length > 1 && (
            <Select
              aria-label={t('hs.care.school')}
              value={school}
              onChange={(v) => (setSchoolId(v), setUserId(undefined))}
              style={{ minWidth: 180 }}
              options={schools.map((s) => ({ value: s.id, label: s.name }))}
              data-testid="care-school"
            />
          )}
          <Select
            aria-label={t('hs.care.teacher')}
            placeholder={t('hs.care.pickTeacher')}
            value={userId}
            onChange={setUserId}
            showSearch={{ optionFilterProp: 'label' }}
            style={{ flex: '1 1 200px' }}
            options={candidates.map((c) => ({ value: c.id, label: c.name }))}
            data-testid="care-candidate"
          />
          <Button type="primary" icon={<UserAddOutlined />} disabled={!userId} loading={busy === 'add'} onClick={() => void designate()} data-testid="care-designate">
            {t('hs.care.add')}
          </Button>
        </Flex>
      </Card>
      <Card size="small" title={t('hs.care.list')}>
        {list.data && !list.data.items.length && <Alert type="warning" showIcon title={t('hs.care.none')} style={{ marginBottom: 12 }} />}
        <Table<Row>
          rowKey={(r) => `${r.schoolId}:${r.userId}`}
          size="small"
          data-testid="care-staff-table"
          loading={list.isLoading}
          dataSource={list.data?.items}
          pagination={false}
          locale={{ emptyText: t('hs.care.none') }}
          columns={[
            { title: t('hs.care.col.name'), dataIndex: 'name' },
            { title: t('hs.care.col.school'), dataIndex: 'schoolName', render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text> },
            {
              title: '',
              key: 'remove',
              width: 110,
              render: (_: unknown, r) => (
                <ConfirmLink
                  danger
                  confirm={t('hs.care.removeConfirm', { name: r.name })}
                  loading={busy === r.userId}
                  onConfirm={() => void run(r.userId, () => writes.remove(r.schoolId, r.userId), t('hs.care.removed'))}
                >
                  {t('hs.care.remove')}
                </ConfirmLink>
              ),
            },
          ]}
        />
      </Card>
    </Flex>
  );
}
