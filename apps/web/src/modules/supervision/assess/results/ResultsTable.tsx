/**
 * Every school's total, rank and list, its per-indicator figures in the expanded row; once closed, the award and, for a
 * school on the yellow or black list, the warning (发警示通报, then its reply status).
 */
import { AlertOutlined } from '@ant-design/icons';
import type { AssessIndicator, AssessSchoolResult, SentNotice, SupervisionAssessment } from '@shuangjian/contracts';
import { Button, Table, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { ListTag, score } from '../common/Tags';
import { AwardCell } from './AwardCell';
import { Breakdown } from './Breakdown';
import { WarningStatus } from './WarningStatus';

export function ResultsTable({
  assessment: a,
  indicators,
  rows,
  frozen,
  district,
  warnings,
  onWarn,
}: {
  assessment: SupervisionAssessment;
  indicators: AssessIndicator[];
  rows: AssessSchoolResult[];
  frozen: boolean;
  district: boolean;
  /** The newest warning per school. */
  warnings: Map<string, SentNotice> | null;
  onWarn: (school: AssessSchoolResult) => void;
}) {
  const { t } = useI18n();
  const warnColumn = frozen && district && warnings !== null;
  return (
    <Table<AssessSchoolResult>
      rowKey="schoolId"
      size="middle"
      data-testid="assess-results"
      dataSource={rows}
      pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
      scroll={{ x: warnColumn ? 960 : 760 }}
      locale={{ emptyText: t('sv.assess.noResults') }}
      expandable={{ expandedRowRender: (s) => <Breakdown indicators={indicators} detail={s.detail} />, columnWidth: 40 }}
      columns={[
        { title: t('sv.assess.col.rank'), dataIndex: 'rank', width: 70, align: 'center', render: (r: number | null) => r ?? '—' },
        {
          title: t('sv.assess.col.school'),
          key: 'school',
          width: 220,
          render: (_: unknown, s) => (
            <>
              <div>{s.schoolName}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.zoneName} · {s.schoolCode}
              </Typography.Text>
            </>
          ),
        },
        {
          title: t('sv.assess.col.total'),
          dataIndex: 'total',
          width: 90,
          align: 'right',
          sorter: (x, y) => (x.total ?? -1) - (y.total ?? -1),
          render: (v: number | null) => <Typography.Text strong>{score(v)}</Typography.Text>,
        },
        { title: t('sv.assess.col.list'), dataIndex: 'list', width: 90, render: (_: unknown, s) => <ListTag list={s.list} /> },
        ...(frozen
          ? []
          : [
              {
                title: t('sv.assess.col.missing'),
                dataIndex: 'missing',
                width: 110,
                render: (n: number) => (n ? <Typography.Text type="warning">{t('sv.assess.missingN', { n })}</Typography.Text> : <Typography.Text type="secondary">—</Typography.Text>),
              },
            ]),
        ...(frozen
          ? [
              {
                title: t('sv.assess.col.award'),
                key: 'award',
                width: 200,
                render: (_: unknown, s: AssessSchoolResult) => <AwardCell assessmentId={a.id} schoolId={s.schoolId} award={s.award} editable={district && a.status === 'closed'} />,
              },
            ]
          : []),
        ...(warnColumn
          ? [
              {
                title: t('sv.assess.col.warning'),
                key: 'warning',
                width: 220,
                render: (_: unknown, s: AssessSchoolResult) => {
                  const sent = warnings.get(s.schoolId);
                  if (sent) return <WarningStatus notice={sent} />;
                  if (s.list !== 'yellow' && s.list !== 'black') return null;
                  return (
                    <Button size="small" danger icon={<AlertOutlined />} onClick={() => onWarn(s)} data-testid="warning-open">
                      {t('sv.assess.warn.button')}
                    </Button>
                  );
                },
              },
            ]
          : []),
      ]}
    />
  );
}
