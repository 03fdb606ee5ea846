/** A parent's phone page: their child's level in each subject of each exam (levels only: no mark, no rank). */
import { examFormLabels, levelLabels } from '@shuangjian/contracts';
import { Card, Empty, Flex, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useFamilyLevels } from './queries';

const LEVEL_COLORS = { excellent: 'green', good: 'blue', pass: 'gold', not_yet: 'red' } as const;

export default function FamilyLevelsPage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const [picked, setPicked] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const levels = useFamilyLevels(studentId);

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="family-levels">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('exams.results.family.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exams.results.family.sub')}</Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
      <QueryError error={levels.error} />
      {levels.data?.exams.length === 0 && <Empty description={t('exams.results.family.empty')} />}
      <Flex vertical gap={12}>
        {levels.data?.exams.map((e) => (
          <Card
            key={e.examId}
            size="small"
            data-testid="family-exam"
            title={<Typography.Text ellipsis>{e.name}</Typography.Text>}
            extra={<Typography.Text type="secondary">{e.date}</Typography.Text>}
          >
            <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
              {e.semesterName} · {examFormLabels[e.form][locale]}
            </Typography.Paragraph>
            <Flex vertical gap={6}>
              {e.levels.map((l) => (
                <Flex key={l.subjectId} justify="space-between" align="center">
                  <Typography.Text>{l.subjectName}</Typography.Text>
                  <Tag color={LEVEL_COLORS[l.level]} style={{ marginInlineEnd: 0 }} data-testid="family-level">
                    {levelLabels[l.level][locale]}
                  </Tag>
                </Flex>
              ))}
            </Flex>
          </Card>
        ))}
      </Flex>
    </div>
  );
}
