/** 课后服务问卷 on the parent's phone: the surveys sent about each child; open ones are answered here, once. */
import { CheckCircleFilled } from '@ant-design/icons';
import type { FamilySurvey } from '@shuangjian/contracts';
import { Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { AnswerForm } from './AnswerForm';
import { useFamilySurveys } from './queries';

export default function FamilySurveysPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const list = useFamilySurveys(studentId);
  const [answering, setAnswering] = useState<FamilySurvey | null>(null);

  if (answering) return <AnswerForm survey={answering} onDone={() => setAnswering(null)} />;
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.afterSchool.familySurveys')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('afterSchool.survey.family.sub')}</Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
      {list.error && <QueryError error={list.error} />}
      {list.isLoading && <PageSpinner />}
      {list.data && !list.data.items.length && <Empty description={t('afterSchool.survey.family.none')} />}
      <Flex vertical gap={12}>
        {list.data?.items.map((s) => (
          <Card key={s.surveyId} size="small" data-testid="family-survey">
            <Flex justify="space-between" align="center" gap={8}>
              <div style={{ minWidth: 0 }}>
                <Typography.Text strong>{s.title}</Typography.Text>
                <div>
                  <Typography.Text type="secondary">
                    {s.studentName} · {t('afterSchool.survey.family.until', { date: s.closesOn })}
                  </Typography.Text>
                </div>
              </div>
              {s.answered ? (
                <Tag icon={<CheckCircleFilled />} color="success">
                  {t('afterSchool.survey.family.answered')}
                </Tag>
              ) : s.open ? (
                <Button type="primary" size="large" onClick={() => setAnswering(s)}>
                  {t('afterSchool.survey.family.fill')}
                </Button>
              ) : (
                <Tag>{t('afterSchool.survey.family.closed')}</Tag>
              )}
            </Flex>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
