/** The indicator sheet as it was opened for scoring: read-only, each indicator's share of the total and how it is scored. */
import type { AssessIndicator, SupervisionAssessmentDetail } from '@shuangjian/contracts';
import { Card, Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { pct } from '../common/Tags';
import { method } from './method';

export function SheetView({ assessment: a }: { assessment: SupervisionAssessmentDetail }) {
  const { t } = useI18n();
  return (
    <Card size="small" title={t('sv.assess.sheet.title')} extra={<Typography.Text type="secondary">{t('sv.assess.sheet.frozen')}</Typography.Text>}>
      <Table<AssessIndicator>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={a.indicators}
        scroll={{ x: 760 }}
        data-testid="sheet-view"
        locale={{ emptyText: t('sv.assess.sheet.empty') }}
        columns={[
          { title: '#', key: 'n', width: 40, render: (_: unknown, i) => i.position + 1 },
          { title: t('sv.assess.sheet.name'), dataIndex: 'name', width: 200 },
          { title: t('sv.assess.sheet.share'), dataIndex: 'share', width: 80, align: 'right', render: (s: number) => pct(s) },
          {
            title: t('sv.assess.sheet.kind'),
            dataIndex: 'kind',
            width: 100,
            render: (k: AssessIndicator['kind']) => <Tag color={k === 'metric' ? 'blue' : 'purple'}>{t(`sv.assess.kind.${k}`)}</Tag>,
          },
          {
            title: t('sv.assess.sheet.method'),
            key: 'method',
            render: (_: unknown, i) =>
              i.kind === 'metric' ? (
                <>
                  <div>{method(i, t)}</div>
                  {i.formula && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`sv.assess.formula.${i.formula}.help`)}
                    </Typography.Text>
                  )}
                </>
              ) : (
                <Typography.Text type="secondary">{i.guidance ?? '—'}</Typography.Text>
              ),
          },
        ]}
      />
    </Card>
  );
}
