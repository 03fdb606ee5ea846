/** The meeting rule in force (home-school.meetings, cited with its version) and where the class stands against it. */
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { ClassMeetings } from '@shuangjian/contracts';
import { Card, Flex, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';

export function MeetingRuleCard({ data }: { data: ClassMeetings }) {
  const { t } = useI18n();
  const { rule } = data;
  const mark = (ok: boolean, yes: string, no: string, testId: string) => (
    <Tag color={ok ? 'green' : 'orange'} icon={ok ? <CheckCircleFilled /> : <ExclamationCircleFilled />} data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {t(ok ? yes : no)}
    </Tag>
  );
  return (
    <Card size="small" data-testid="hs-meetings-rule">
      <Flex justify="space-between" align="baseline" wrap gap={4} style={{ marginBottom: 8 }}>
        <Typography.Text strong>
          {data.className}
          {data.semester ? ` · ${data.semester.name}` : ''}
        </Typography.Text>
        {!data.semester && <Typography.Text type="warning">{t('hs.meetings.noSemester')}</Typography.Text>}
      </Flex>
      <Flex vertical gap={6}>
        <Flex justify="space-between" align="center" gap={8}>
          <span>
            {t('hs.meetings.ruleMeetings', { n: rule.meetingsPerSemester })}
            <Typography.Text type="secondary"> · {t('hs.meetings.held', { held: data.meetingsHeld })}</Typography.Text>
          </span>
          {mark(!data.meetingsDue, 'hs.meetings.met', 'hs.meetings.due', 'hs-meetings-met')}
        </Flex>
        <Flex justify="space-between" align="center" gap={8}>
          <span>{t('hs.meetings.ruleLectures', { n: rule.classLecturesPerWeek })}</span>
          {mark(data.lectureThisWeek, 'hs.meetings.weekDone', 'hs.meetings.weekDue', 'hs-lecture-week')}
        </Flex>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hs.meetings.rule', { version: rule.policyVersions ?? t('hs.meetings.ruleDefault') })}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
