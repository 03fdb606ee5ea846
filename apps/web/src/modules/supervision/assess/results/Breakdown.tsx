/** A school's figures per indicator: the platform figure (num/den and rate) or the inspector's score, and the score. */
import type { AssessIndicator, IndicatorOutcome } from '@shuangjian/contracts';
import { Table, Tag, Typography } from 'antd';
import { useI18n } from '../../../../app/i18n';
import { pct, score } from '../common/Tags';
import { method } from '../sheet/method';

export function Breakdown({ indicators, detail }: { indicators: AssessIndicator[]; detail: Record<string, IndicatorOutcome> }) {
  const { t } = useI18n();
  return (
    <Table<AssessIndicator>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={indicators}
      data-testid="assess-breakdown"
      columns={[
        { title: t('sv.assess.sheet.name'), dataIndex: 'name', width: 200 },
        { title: t('sv.assess.sheet.share'), dataIndex: 'share', width: 70, align: 'right', render: (s: number) => pct(s) },
        {
          title: t('sv.assess.sheet.method'),
          key: 'method',
          render: (_: unknown, i) => (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {method(i, t)}
            </Typography.Text>
          ),
        },
        {
          title: t('sv.assess.col.figure'),
          key: 'figure',
          width: 150,
          align: 'right',
          render: (_: unknown, i) => {
            const d = detail[i.id];
            if (i.kind === 'inspector') return <Tag color="purple">{t('sv.assess.kind.inspector')}</Tag>;
            if (!d || d.den === null || d.den === 0) return <Typography.Text type="secondary">{t('sv.assess.noData')}</Typography.Text>;
            return (
              <span>
                {pct(d.rate)}
                <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                  {d.num}/{d.den}
                </Typography.Text>
              </span>
            );
          },
        },
        {
          title: t('sv.assess.col.score'),
          key: 'score',
          width: 80,
          align: 'right',
          render: (_: unknown, i) => {
            const s = detail[i.id]?.score;
            return s === null || s === undefined ? <Typography.Text type="secondary">{t('sv.assess.missing')}</Typography.Text> : <Typography.Text strong>{score(s)}</Typography.Text>;
          },
        },
      ]}
    />
  );
}
