/** What the server answered to a recorded lesson: its rule findings and each pupil's outcome. */
import type { RecordLessonResult } from '@shuangjian/contracts';
import { formatYuan } from '@shuangjian/policy';
import { Alert, Flex, List, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { RuleFindings } from '../components/RuleFindings';

export function LessonResult({ result }: { result: RecordLessonResult }) {
  const { t, locale } = useI18n();
  const l = result.lesson;
  return (
    <Flex vertical gap={12} data-testid="record-result">
      <Alert type="success" showIcon title={t('training.inst.result.title')} description={`${l.courseName} · ${l.date} ${l.startTime}–${l.endTime}${l.teacherName ? ` · ${l.teacherName}` : ''}`} />
      <div>
        <Typography.Title level={5}>{t('training.inst.result.findings')}</Typography.Title>
        <RuleFindings findings={l.findings} showOk />
      </div>
      <div>
        <Typography.Title level={5}>{t('training.inst.result.attendees')}</Typography.Title>
        <List
          size="small"
          bordered
          dataSource={result.attendees}
          renderItem={(a) => (
            <List.Item data-testid="record-outcome" extra={a.amountFen !== null ? formatYuan(a.amountFen, { locale }) : null}>
              <Flex gap={8} align="center">
                <Typography.Text>{a.studentName ?? '—'}</Typography.Text>
                <Tag color={a.outcome === 'recorded' ? 'warning' : 'error'}>{t(`training.inst.result.${a.outcome}`)}</Tag>
              </Flex>
            </List.Item>
          )}
        />
      </div>
    </Flex>
  );
}
