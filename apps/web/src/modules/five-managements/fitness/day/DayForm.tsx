/** One class's school day on the phone: four answers prefilled from the usual, the rules checked live, then saved. */
import { ACTIVITY_MINUTES_MAX, BIG_BREAK_MINUTES_MAX, EYE_EXERCISES_MAX, type FitnessActivity, type FitnessFinding, type FitnessTeacherDay, FITNESS_NOTE_MAX } from '@shuangjian/contracts';
import { checkFitnessDay } from '@shuangjian/policy';
import { Button, Card, Flex, Input, InputNumber, Switch, Tag, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';
import { Findings } from '../Findings';
import { useFitnessWrites } from '../queries';

type DayClass = FitnessTeacherDay['classes'][number];

export function DayForm({ day, cls }: { day: FitnessTeacherDay; cls: DayClass }) {
  const { t } = useI18n();
  const message = useMessage();
  const writes = useFitnessWrites();
  const [values, setValues] = useState<FitnessActivity>(cls.record ?? cls.usual);
  const [note, setNote] = useState(cls.record?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<FitnessFinding[] | null>(null);
  const rules = { ...day.rule, peLessonsPerWeek: [] };
  const live = checkFitnessDay(values, rules, { version: day.rule.version, versionId: null, effectiveFrom: day.rule.effectiveFrom });
  const set = (patch: Partial<FitnessActivity>) => {
    setValues({ ...values, ...patch });
    setSaved(null);
  };
  const disabled = !day.editable;

  const save = async () => {
    setSaving(true);
    try {
      const record = await writes.saveDay({ classId: cls.classId, date: day.date, ...values, note: note || null });
      setSaved(record.findings);
      message.success(t('five.fitness.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setSaving(false);
    }
  };

  const row = (label: string, control: ReactNode) => (
    <Flex justify="space-between" align="center" gap={8} style={{ padding: '6px 0' }}>
      <Typography.Text>{label}</Typography.Text>
      {control}
    </Flex>
  );
  const number = (key: 'bigBreakMinutes' | 'eyeExercises' | 'activityMinutes', max: number, step: number) => (
    <InputNumber
      inputMode="numeric"
      min={0}
      max={max}
      step={step}
      value={values[key]}
      disabled={disabled}
      onChange={(v) => set({ [key]: v ?? 0 })}
      style={{ width: 110 }}
      data-testid={`fitness-${key}`}
    />
  );

  return (
    <Card size="small" data-testid="fitness-day-form">
      <Flex justify="space-between" align="center" wrap gap={4}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {cls.record ? t('five.fitness.recorded', { name: cls.record.recordedByName ?? '' }) : t('five.fitness.prefilled')}
        </Typography.Text>
        <Tag color={cls.peHeldThisWeek >= cls.peLessonsPerWeek ? 'green' : 'default'}>{t('five.fitness.pe', { held: cls.peHeldThisWeek, required: cls.peLessonsPerWeek })}</Tag>
      </Flex>
      {row(t('five.fitness.bigBreak'), number('bigBreakMinutes', BIG_BREAK_MINUTES_MAX, 5))}
      {row(t('five.fitness.peLesson'), <Switch checked={values.peLesson} disabled={disabled} onChange={(v) => set({ peLesson: v })} data-testid="fitness-peLesson" />)}
      {row(t('five.fitness.eye'), number('eyeExercises', EYE_EXERCISES_MAX, 1))}
      {row(t('five.fitness.activity'), number('activityMinutes', ACTIVITY_MINUTES_MAX, 5))}
      <Input.TextArea
        placeholder={t('five.fitness.note')}
        maxLength={FITNESS_NOTE_MAX}
        autoSize={{ minRows: 1, maxRows: 3 }}
        value={note}
        disabled={disabled}
        onChange={(e) => setNote(e.target.value)}
        style={{ margin: '6px 0 10px' }}
      />
      <Flex vertical gap={10}>
        <Findings findings={saved ?? live} rule={day.rule} testId={saved ? 'fitness-saved-findings' : 'fitness-live-findings'} />
        <Button type="primary" block size="large" loading={saving} disabled={disabled} onClick={() => void save()} data-testid="fitness-save">
          {t('five.fitness.save')}
        </Button>
      </Flex>
    </Card>
  );
}
