/**
 * 满意度调查 (district office and school administrators): every survey the reader runs or that reaches their school,
 * with its status and response; build or change a draft, send it, open its results.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { Survey } from '@shuangjian/contracts';
import { Button, Empty, Popconfirm, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { useSurveys, useSurveyWrites } from './queries';
import { SurveyBuilder } from './SurveyBuilder';

const PHASE_COLOR = { draft: 'default', scheduled: 'blue', open: 'green', closed: 'purple' } as const;

export default function SurveysPage() {
  const { t } = useI18n();
  const list = useSurveys();
  const writes = useSurveyWrites();
  const [editing, setEditing] = useState<Survey | 'new' | null>(null);
  const send = useSaveMutation({ form: null, mutationFn: (id: string) => writes.send(id), saved: (s) => t('afterSchool.survey.sent', { n: s.recipients }) });
  const remove = useSaveMutation({ form: null, mutationFn: (id: string) => writes.remove(id) });

  return (
    <>
      <PageHeader
        title={t('menu.afterSchool.surveys')}
        sub={t('afterSchool.survey.sub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
            {t('afterSchool.survey.new')}
          </Button>
        }
      />
      {list.error && <QueryError error={list.error} />}
      <Table<Survey>
        rowKey="id"
        size="middle"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('afterSchool.survey.empty')} /> }}
        scroll={{ x: 900 }}
        columns={[
          { title: t('afterSchool.survey.title'), dataIndex: 'title' },
          { title: t('afterSchool.survey.owner'), key: 'owner', render: (_, s) => s.schoolName ?? t('afterSchool.survey.district') },
          { title: t('afterSchool.survey.dates'), key: 'dates', render: (_, s) => `${s.opensOn} ~ ${s.closesOn}` },
          { title: t('afterSchool.survey.phase'), key: 'phase', render: (_, s) => <Tag color={PHASE_COLOR[s.phase]}>{t(`afterSchool.survey.phase.${s.phase}`)}</Tag> },
          {
            title: t('afterSchool.survey.response'),
            key: 'response',
            render: (_, s) => (s.status === 'sent' ? t('afterSchool.survey.responseOf', { answered: s.answered, recipients: s.recipients }) : '—'),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_, s) => (
              <Space size={4} wrap>
                {s.status === 'draft' && s.canEdit && (
                  <>
                    <Button size="small" onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </Button>
                    <Popconfirm title={t('afterSchool.survey.sendConfirm')} onConfirm={() => send.mutate(s.id)}>
                      <Button size="small" type="primary" loading={send.isPending && send.variables === s.id}>
                        {t('afterSchool.survey.send')}
                      </Button>
                    </Popconfirm>
                    <Popconfirm title={t('common.confirmDelete')} onConfirm={() => remove.mutate(s.id)}>
                      <Button size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </>
                )}
                {s.status === 'sent' && (
                  <Link to={`/after-school/surveys/${s.id}`}>
                    <Button size="small">{t('afterSchool.survey.results')}</Button>
                  </Link>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && <SurveyBuilder survey={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </>
  );
}
