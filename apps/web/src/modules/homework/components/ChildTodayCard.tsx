/** Home-page section for parents: today's homework of each child, with a way into the full page. */
import { RightOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Flex, Progress, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMe } from '../../../app/auth';
import { useT } from '../../../app/i18n';
import { childDayKey, fetchChildDay } from './family';
import { districtToday } from './model';
import { loadColor, loadShare } from './rates';

function ChildToday({ child, today }: { child: { id: string; name: string; className: string }; today: string }) {
  const t = useT();
  const day = useQuery({ queryKey: childDayKey(child.id, today), queryFn: () => fetchChildDay(child.id, today) });
  const list = day.data?.list;
  const share = list ? loadShare(list.written, list.limit) : 0;
  return (
    <Link to={`/homework/child?child=${child.id}&date=${today}`} data-testid="home-child-homework">
      <Card hoverable size="small" loading={day.isLoading} styles={{ body: { padding: 14 } }}>
        <Flex align="center" gap={12}>
          <div style={{ flex: 1, minWidth: 0 }}>
            <Space size={6} wrap>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {child.name}
              </Typography.Text>
              <Typography.Text type="secondary">{child.className}</Typography.Text>
            </Space>
            {list ? (
              <>
                <Flex justify="space-between" wrap gap={4} style={{ marginTop: 4 }}>
                  <Typography.Text>{t('hwv.home.items', { n: list.items.length })}</Typography.Text>
                  <Typography.Text strong style={{ color: loadColor(share) }}>
                    {t('hwv.home.written', { n: list.written, limit: list.limit })}
                  </Typography.Text>
                </Flex>
                {list.limit > 0 && <Progress percent={Math.min(100, Math.round(share * 100))} showInfo={false} size="small" strokeColor={loadColor(share)} />}
                {day.data?.feedback ? <Tag color="success">{t('hwv.home.reported')}</Tag> : <Tag color="processing">{t('hwv.home.notReported')}</Tag>}
              </>
            ) : (
              <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                {day.data?.dayKind === 'school_day' || !day.data ? t('hwv.home.none') : t('hwv.home.noneDay', { kind: t(`hw.dayKind.${day.data.dayKind}`) })}
              </Typography.Text>
            )}
          </div>
          <RightOutlined style={{ color: '#bfbfbf' }} />
        </Flex>
      </Card>
    </Link>
  );
}

export function ChildHomeworkToday() {
  const t = useT();
  const { data: me } = useMe();
  if (!me) return null;
  const today = districtToday(me.district.timezone);
  return (
    <Card title={t('hwv.home.title')} styles={{ body: { padding: 12 } }}>
      <Space orientation="vertical" size={10} style={{ width: '100%' }}>
        {me.children.map((c) => (
          <ChildToday key={c.id} child={c} today={today} />
        ))}
      </Space>
    </Card>
  );
}
