/** One published assessment as the school reads it: total, rank among the district's schools, list, award, and each indicator. */
import { TrophyOutlined } from '@ant-design/icons';
import type { OwnAssessResult } from '@shuangjian/contracts';
import { Card, Col, Flex, List, Progress, Row, Statistic, Tag, Typography } from 'antd';
import { useTimeZone } from '../../../../app/auth';
import { useI18n } from '../../../../app/i18n';
import { formatDateTime } from '../../../../components/format';
import { LIST_COLORS, ListTag, pct, score } from '../common/Tags';
import { method } from '../sheet/method';

export function OwnResultCard({ item }: { item: OwnAssessResult }) {
  const { t } = useI18n();
  const tz = useTimeZone();
  const { assessment: a, result: r } = item;
  return (
    <Card
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="own-result"
      title={<Typography.Text strong style={{ whiteSpace: 'normal' }}>{a.name}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('sv.assess.own.meta', { period: `${a.periodFrom} ~ ${a.periodTo}`, at: formatDateTime(a.publishedAt, tz).slice(0, 10) })}
      </Typography.Paragraph>
      <Row gutter={[12, 12]} style={{ marginBottom: 12 }}>
        <Col xs={12} sm={6}>
          <Statistic title={t('sv.assess.col.total')} value={score(r.total)} styles={{ content: { color: r.list ? LIST_COLORS[r.list] : undefined } }} data-testid="own-total" />
        </Col>
        <Col xs={12} sm={6}>
          <Statistic title={t('sv.assess.col.rank')} value={r.rank ?? '—'} suffix={`/ ${item.schoolCount}`} data-testid="own-rank" />
        </Col>
        <Col xs={12} sm={6}>
          <Typography.Text type="secondary">{t('sv.assess.col.list')}</Typography.Text>
          <div style={{ marginTop: 6 }}>{r.list ? <ListTag list={r.list} /> : <Tag>{t('sv.assess.list.none')}</Tag>}</div>
        </Col>
        <Col xs={12} sm={6}>
          <Typography.Text type="secondary">{t('sv.assess.col.award')}</Typography.Text>
          <div style={{ marginTop: 6 }} data-testid="own-award">
            {r.award ? (
              <Tag color="gold" icon={<TrophyOutlined />}>
                {r.award}
              </Tag>
            ) : (
              '—'
            )}
          </div>
        </Col>
      </Row>
      <Typography.Text strong>{t('sv.assess.own.breakdown')}</Typography.Text>
      <List
        size="small"
        dataSource={item.indicators}
        data-testid="own-breakdown"
        renderItem={(i) => {
          const d = r.detail[i.id];
          return (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <Flex justify="space-between" gap={8} align="baseline">
                <Typography.Text>
                  {i.name}
                  <Typography.Text type="secondary" style={{ fontSize: 12, marginLeft: 6 }}>
                    {t('sv.assess.own.share', { share: pct(i.share, 0) })}
                  </Typography.Text>
                </Typography.Text>
                <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
                  {d?.score === null || d?.score === undefined ? t('sv.assess.missing') : t('sv.assess.score.points', { n: score(d.score) })}
                </Typography.Text>
              </Flex>
              <Progress percent={d?.score ?? 0} showInfo={false} size="small" style={{ margin: '2px 0' }} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {method(i, t)}
                {i.kind === 'metric' && d && d.den ? ` · ${pct(d.rate)}（${d.num}/${d.den}）` : ''}
              </Typography.Text>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
