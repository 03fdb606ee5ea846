/** 今日检查 on the inspector's phone: today's plans and their stops, a visit outside the plan, what waits for verification. */
import { CheckCircleFilled, RightOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Typography } from 'antd';
import { Link } from 'react-router';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useFindings, usePlans } from './queries';

export default function TodayPage() {
  const { t } = useI18n();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const plans = usePlans({ from: today, to: today });
  const responded = useFindings({ status: 'responded' }, 1, 1); // for the count: the total
  const todays = (plans.data ?? []).filter((p) => p.status !== 'cancelled');
  return (
    <div style={{ maxWidth: 560 }}>
      <PageHeader title={t('menu.training.inspToday')} sub={t('training.insp.today.sub', { date: today })} />
      {(responded.data?.total ?? 0) > 0 && (
        <Link to="/training/inspections/verify">
          <Alert style={{ marginBottom: 12 }} type="info" showIcon title={t('training.insp.today.toVerify', { n: responded.data!.total })} action={<RightOutlined />} data-testid="to-verify" />
        </Link>
      )}
      {plans.error && <QueryError error={plans.error} />}
      {plans.isLoading && <PageSpinner />}
      {plans.data && !todays.length && <Empty description={t('training.insp.today.none')} />}
      {todays.map((p) => (
        <Card key={p.id} size="small" title={p.title} style={{ marginBottom: 12 }} extra={<Typography.Text type="secondary">{p.inspectors.map((i) => i.name).join('、')}</Typography.Text>} data-testid="today-plan">
          <List
            dataSource={p.institutions}
            renderItem={(i) => (
              <List.Item
                actions={[
                  i.visitId ? (
                    <Typography.Text type="success" key="done">
                      <CheckCircleFilled /> {t('training.insp.today.recorded')}
                    </Typography.Text>
                  ) : (
                    <Link key="go" to={`/training/inspections/visit?institutionId=${i.id}&planId=${p.id}`}>
                      <Button type="primary" size="small" data-testid={`visit-${i.name}`}>
                        {t('training.insp.today.record')}
                      </Button>
                    </Link>
                  ),
                ]}
              >
                {i.name}
              </List.Item>
            )}
          />
          {p.note && <Typography.Paragraph type="secondary" style={{ margin: 0 }}>{p.note}</Typography.Paragraph>}
        </Card>
      ))}
      <Flex justify="center" style={{ marginTop: 8 }}>
        <Link to="/training/inspections/visit">
          <Button>{t('training.insp.today.adHoc')}</Button>
        </Link>
      </Flex>
    </div>
  );
}
