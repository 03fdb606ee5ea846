/** The class teacher hands the day on (to academic affairs, or straight to publication): what goes, and a note or correction reason. */
import { Flex, type FormInstance, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { LoadBar } from '../components/LoadBar';
import type { ClassDayRow } from '../components/model';
import { ReasonModal, type ReasonValues } from '../components/ReasonModal';

export function SubmitDialog({
  form,
  day,
  open,
  loading,
  onCancel,
  onOk,
}: {
  form: FormInstance<ReasonValues>;
  day: ClassDayRow;
  open: boolean;
  loading: boolean;
  onCancel(): void;
  onOk(note: string | undefined): void;
}) {
  const { t } = useI18n();
  const ready = day.items.filter((i) => i.status === 'ready');
  const pending = day.items.filter((i) => i.status === 'pending_check');
  const correction = day.publishedVersion > 0;
  return (
    <ReasonModal
      form={form}
      open={open}
      title={day.settings.schoolApproval ? t('hw.day.submit') : t('hw.day.submitPublish')}
      reasonLabel={correction ? t('hw.day.correctionReason') : t('hw.day.noteOptional')}
      required={correction}
      okText={t('hw.day.submitOk')}
      loading={loading}
      onCancel={onCancel}
      onOk={(v) => onOk(v.reason)}
      description={
        <Flex vertical gap={6}>
          <LoadBar limit={day.check.limit} written={day.check.written} />
          <Typography.Text type="secondary">
            {t('hw.day.submitSummary', { n: ready.length, subjects: ready.map((r) => r.subjectName).join('、') })}
          </Typography.Text>
          {pending.length > 0 && <Typography.Text type="secondary">{t('hw.day.pendingHint', { n: pending.length, subjects: pending.map((p) => p.subjectName).join('、') })}</Typography.Text>}
          {correction && <Typography.Text type="warning">{t('hw.day.correctionHint')}</Typography.Text>}
        </Flex>
      }
    />
  );
}
