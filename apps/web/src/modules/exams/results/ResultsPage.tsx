/** 等级录入 on a teacher's phone: pick a held exam, one of one's classes and a subject one teaches there, then the class's levels. */
import { Card, Empty, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { LevelSheet } from './LevelSheet';
import { useAcceptedExams, useResultSheet } from './queries';

export default function ResultsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const exams = useAcceptedExams();
  const myClasses = me?.classes.filter((c) => c.subjectIds.length > 0) ?? [];
  // held exams that one of my classes sits, latest first
  const held = (exams.data?.items ?? [])
    .filter((e) => e.date <= today && myClasses.some((c) => e.grades.includes(c.grade) && (!e.schoolId || e.schoolId === c.schoolId) && e.subjects.some((s) => c.subjectIds.includes(s.id))))
    .sort((a, b) => b.date.localeCompare(a.date));
  const [examId, setExamId] = useState<string>();
  const [classId, setClassId] = useState<string>();
  const [subjectId, setSubjectId] = useState<string>();
  const exam = held.find((e) => e.id === (examId ?? held[0]?.id));
  const classes = myClasses.filter((c) => exam && exam.grades.includes(c.grade) && (!exam.schoolId || exam.schoolId === c.schoolId));
  const cls = classes.find((c) => c.id === classId) ?? classes[0];
  const subjects = exam?.subjects.filter((s) => cls?.subjectIds.includes(s.id)) ?? [];
  const subject = subjects.find((s) => s.id === subjectId) ?? subjects[0];
  const sheet = useResultSheet(exam?.id, cls?.id, subject?.id);

  return (
    <div style={{ maxWidth: 640, margin: '0 auto' }} data-testid="results-page">
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('exams.results.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exams.results.sub')}</Typography.Paragraph>
      <QueryError error={exams.error ?? sheet.error} />
      {exams.isSuccess && held.length === 0 ? (
        <Empty description={t('exams.results.noExams')} />
      ) : (
        <Card size="small">
          <Flex vertical gap={8} style={{ marginBottom: 12 }}>
            <Select
              value={exam?.id}
              onChange={(v) => {
                setExamId(v);
                setClassId(undefined);
                setSubjectId(undefined);
              }}
              options={held.map((e) => ({ value: e.id, label: `${e.date} ${e.name}` }))}
              aria-label={t('exams.results.exam')}
              data-testid="results-exam"
            />
            <Flex gap={8}>
              <Select style={{ flex: 1, minWidth: 0 }} value={cls?.id} onChange={setClassId} options={classes.map((c) => ({ value: c.id, label: c.className }))} aria-label={t('exams.results.class')} data-testid="results-class" />
              <Select style={{ flex: 1, minWidth: 0 }} value={subject?.id} onChange={setSubjectId} options={subjects.map((s) => ({ value: s.id, label: s.name }))} aria-label={t('exams.results.subject')} data-testid="results-subject" />
            </Flex>
          </Flex>
          {sheet.data ? <LevelSheet sheet={sheet.data} /> : <Typography.Text type="secondary">{t('exams.results.pick')}</Typography.Text>}
        </Card>
      )}
    </div>
  );
}
