/**
 * One class's levels in one subject, pupils in 学号 order: a level per pupil (four buttons), or a typed mark that the
 * server turns into a level with the district's bands (the mark is sent once and kept nowhere). One save for the class.
 */
import { type ExamResultSheet, LEVELS, type Level, levelLabels } from '@shuangjian/contracts';
import { Button, Flex, InputNumber, Radio, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { useRecordResults } from './queries';

const LEVEL_COLORS: Record<Level, string> = { excellent: 'green', good: 'blue', pass: 'gold', not_yet: 'red' };

export function LevelCounts({ counts }: { counts: ExamResultSheet['counts'] }) {
  const { t, locale } = useI18n();
  return (
    <Flex wrap gap={4} data-testid="level-counts">
      {LEVELS.map((l) => (
        <Tag key={l} color={LEVEL_COLORS[l]}>
          {levelLabels[l][locale]} {counts[l]}
        </Tag>
      ))}
      <Tag>
        {t('exams.results.missing')} {counts.missing}
      </Tag>
    </Flex>
  );
}

export function LevelSheet({ sheet }: { sheet: ExamResultSheet }) {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const record = useRecordResults();
  const fromSheet = (of: ExamResultSheet) => Object.fromEntries(of.pupils.map((p) => [p.studentId, p.level])) as Record<string, Level | null>;
  const [levels, setLevels] = useState<Record<string, Level | null>>(() => fromSheet(sheet));
  const [marks, setMarks] = useState<Record<string, number | null>>({});
  // a new sheet from the server (another class, or the saved one): start again from what it holds
  const [shown, setShown] = useState(sheet);
  if (shown !== sheet) {
    setShown(sheet);
    setLevels(fromSheet(sheet));
    setMarks({});
  }
  const [byScore, setByScore] = useState(false);
  const [fullMarks, setFullMarks] = useState(100);

  const save = () => {
    const entries = sheet.pupils.map((p) => {
      const mark = marks[p.studentId];
      return byScore && mark != null ? { studentId: p.studentId, score: mark, fullMarks } : { studentId: p.studentId, level: levels[p.studentId] ?? null };
    });
    record.mutate(
      { examId: sheet.examId, body: { classId: sheet.classId, subjectId: sheet.subjectId, entries } },
      {
        onSuccess: (s) => toast.success(t('exams.results.saved', { n: s.pupils.length - s.counts.missing })),
        onError: (e) => toast.error(e.message),
      },
    );
  };

  return (
    <div data-testid="level-sheet">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 8 }}>
        <LevelCounts counts={sheet.counts} />
        {sheet.canRecord && (
          <Flex align="center" gap={6} wrap>
            {!byScore && (
              <Select
                size="small"
                placeholder={t('exams.results.allLevel')}
                value={null}
                style={{ width: 120 }}
                data-testid="levels-fill"
                onChange={(v: Level) => setLevels((l) => Object.fromEntries(sheet.pupils.map((p) => [p.studentId, l[p.studentId] ?? v])))}
                options={LEVELS.map((l) => ({ value: l, label: levelLabels[l][locale] }))}
              />
            )}
            <Switch size="small" checked={byScore} onChange={setByScore} data-testid="by-score" />
            <Typography.Text>{t('exams.results.byScore')}</Typography.Text>
            {byScore && (
              <InputNumber size="small" min={1} max={1000} value={fullMarks} onChange={(v) => setFullMarks(v ?? 100)} addonBefore={t('exams.results.fullMarks')} style={{ width: 130 }} />
            )}
          </Flex>
        )}
      </Flex>
      {!sheet.canRecord && <Typography.Paragraph type="secondary">{t('exams.results.readOnly')}</Typography.Paragraph>}
      <Flex vertical>
        {sheet.pupils.map((p) => (
          <Flex key={p.studentId} justify="space-between" align="center" gap={8} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }} data-testid="level-row">
            <Typography.Text ellipsis style={{ minWidth: 0, flex: 1 }}>
              <Typography.Text type="secondary">{p.studentNo.slice(-2)}</Typography.Text> {p.name}
            </Typography.Text>
            {byScore && sheet.canRecord ? (
              <InputNumber
                size="small"
                min={0}
                max={fullMarks}
                value={marks[p.studentId] ?? null}
                placeholder={levels[p.studentId] ? levelLabels[levels[p.studentId]!][locale] : t('exams.results.mark')}
                onChange={(v) => setMarks((m) => ({ ...m, [p.studentId]: v }))}
                style={{ width: 96 }}
              />
            ) : (
              <Radio.Group
                size="small"
                optionType="button"
                disabled={!sheet.canRecord}
                value={levels[p.studentId] ?? null}
                onChange={(e) => setLevels((l) => ({ ...l, [p.studentId]: e.target.value as Level }))}
                options={LEVELS.map((l) => ({ value: l, label: levelLabels[l][locale].slice(0, locale === 'en' ? 4 : 1) }))}
              />
            )}
          </Flex>
        ))}
      </Flex>
      {sheet.canRecord && (
        <Button type="primary" block style={{ marginTop: 12, position: 'sticky', bottom: 8 }} loading={record.isPending} onClick={save} data-testid="levels-save">
          {t('exams.results.save')}
        </Button>
      )}
    </div>
  );
}
