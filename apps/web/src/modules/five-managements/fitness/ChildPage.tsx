/** 体质健康 for a parent on the phone: the child's latest national fitness test, item by item, and the level. No rank, no class figures. */
import { FITNESS_ITEMS, type FitnessItemResult } from '@shuangjian/contracts';
import { Card, Empty, Flex, Segmented, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useChildFitness } from './queries';
import { LEVEL_COLORS } from './tests/levels';

const itemName = (key: string) => FITNESS_ITEMS.find((i) => i.key === key)?.header ?? key;

export default function ChildPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const children = me?.children ?? [];
  const [picked, setPicked] = useState<string | undefined>();
  const childId = picked ?? children[0]?.id;
  const child = useChildFitness(childId);
  const r = child.data?.result;

  return (
    <div style={{ maxWidth: 520, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.five.fitnessChild')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ margin: '6px 0 12px' }}>
        {t('five.fitness.childSub')}
      </Typography.Paragraph>
      {children.length > 1 && (
        <Segmented block value={childId} onChange={(v) => setPicked(String(v))} options={children.map((c) => ({ value: c.id, label: c.name }))} style={{ marginBottom: 12 }} />
      )}
      {child.error && <QueryError error={child.error} />}
      {child.isLoading && <PageSpinner />}
      {child.data && !r && <Empty description={t('five.fitness.noChildResult')} />}
      {r && (
        <Flex vertical gap={12}>
          <Card size="small" data-testid="fitness-child-card">
            <Typography.Text type="secondary">
              {child.data!.studentName} · {r.semesterName} · {t('five.fitness.gradeN', { n: r.grade })}
            </Typography.Text>
            <Flex justify="space-between" align="center" style={{ marginTop: 8 }}>
              <Statistic title={t('five.fitness.total')} value={r.totalScore} precision={1} />
              <Tag color={LEVEL_COLORS[r.level]} style={{ fontSize: 16, padding: '4px 12px' }} data-testid="fitness-child-level">
                {t(`five.fitness.level.${r.level}`)}
              </Tag>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('five.fitness.standard')} {r.standardScore} · {t('five.fitness.extra')} {r.extraScore}
              {r.heightCm !== null && ` · ${t('five.fitness.height', { n: r.heightCm })}`}
              {r.weightKg !== null && ` · ${t('five.fitness.weight', { n: r.weightKg })}`}
            </Typography.Text>
          </Card>
          <Table<FitnessItemResult>
            rowKey="item"
            size="small"
            pagination={false}
            dataSource={r.items}
            columns={[
              { title: t('five.fitness.item'), dataIndex: 'item', render: itemName },
              { title: t('five.fitness.result'), dataIndex: 'result' },
              { title: t('five.fitness.score'), dataIndex: 'score', align: 'right' },
              { title: t('five.fitness.levelCol'), dataIndex: 'level' },
            ]}
          />
        </Flex>
      )}
    </div>
  );
}
