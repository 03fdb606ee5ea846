/**
 * 学期考核 (district office, inspectors): the district's semester assessments of schools with their status; the district
 * office creates one (name, semester, period, close date, list thresholds) and edits or deletes it while a draft.
 */
import './messages';
import { PlusOutlined } from '@ant-design/icons';
import type { SupervisionAssessment } from '@shuangjian/contracts';
import { Button, Card, Table, Typography } from 'antd';
import { Link, useNavigate } from 'react-router';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { useEditDialog } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { RowActions } from '../../../components/RowActions';
import { useAssessments, useAssessWrites } from '../queries-assess';
import { StatusTag } from './common/Tags';
import { AssessmentDialog, type AssessmentForm, toInput, useFill } from './list/AssessmentDialog';

export default function AssessmentsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const message = useMessage();
  const list = useAssessments();
  const writes = useAssessWrites();
  const mayEdit = can(me, 'supervision.assess');
  const fill = useFill();
  const dialog = useEditDialog<SupervisionAssessment, AssessmentForm>({
    fill,
    save: async (v, row) => {
      const out = row === 'new' ? await writes.create(toInput(v)) : await writes.update(row.id, toInput(v));
      // a new assessment goes straight to its indicator sheet
      if (row === 'new') void navigate(`/supervision/assessments/${out.id}`);
      return out;
    },
    onSaved: () => undefined,
  });
  const remove = (id: string) =>
    writes.remove(id).then(
      () => message.success(t('sv.assess.deleted')),
      (e: Error) => message.error(e.message),
    );
  return (
    <>
      <PageHeader
        title={t('menu.supervision.assessments')}
        sub={t('sv.assess.listSub')}
        extra={
          mayEdit && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.open('new')} data-testid="assess-create">
              {t('sv.assess.create')}
            </Button>
          )
        }
      />
      <QueryError error={list.error} />
      <Card size="small">
        <Table<SupervisionAssessment>
          rowKey="id"
          size="middle"
          data-testid="assess-list"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
          locale={{ emptyText: mayEdit ? t('sv.assess.noneDistrict') : t('sv.assess.none') }}
          columns={[
            {
              title: t('sv.assess.col.name'),
              dataIndex: 'name',
              fixed: 'left',
              width: 240,
              render: (name: string, a) => <Link to={`/supervision/assessments/${a.id}`}>{name}</Link>,
            },
            { title: t('sv.assess.col.status'), dataIndex: 'status', width: 90, render: (_: unknown, a) => <StatusTag status={a.status} /> },
            { title: t('sv.assess.col.period'), key: 'period', width: 200, render: (_: unknown, a) => `${a.periodFrom} ~ ${a.periodTo}` },
            { title: t('sv.assess.col.closeDate'), dataIndex: 'closeDate', width: 110 },
            { title: t('sv.assess.col.indicators'), dataIndex: 'indicatorCount', width: 80, align: 'right' },
            {
              title: t('sv.assess.col.thresholds'),
              key: 'thresholds',
              width: 190,
              render: (_: unknown, a) => (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('sv.assess.thresholdsShort', { red: a.redMin, yellow: a.yellowBelow, black: a.blackBelow })}
                </Typography.Text>
              ),
            },
            ...(mayEdit
              ? [
                  {
                    title: t('common.actions'),
                    key: 'actions',
                    width: 120,
                    render: (_: unknown, a: SupervisionAssessment) =>
                      a.status === 'draft' && (
                        <RowActions onEdit={() => dialog.open(a)} remove={{ confirm: t('sv.assess.deleteConfirm', { name: a.name }), onConfirm: () => void remove(a.id) }} />
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {mayEdit && <AssessmentDialog dialog={dialog} />}
    </>
  );
}
