/**
 * A button whose action runs after a confirm dialog (开始评分, 关账, 公布). A refusal stays in the dialog in the
 * server's own words (an inspector score missing, the close date not reached), so the reader sees why and what to do.
 */
import { Alert, Button, type ButtonProps, Modal, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { ApiError } from '../../../../app/api';
import { useI18n } from '../../../../app/i18n';
import { useMessage } from '../../../../app/message';

export function ConfirmAction({
  label,
  title,
  body,
  done,
  run,
  testId,
  ...button
}: Omit<ButtonProps, 'onClick' | 'title'> & {
  label: ReactNode;
  title: string;
  body: ReactNode;
  /** The toast after it went through. */
  done: string;
  run: () => Promise<unknown>;
  testId: string;
}) {
  const { t } = useI18n();
  const message = useMessage();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const ok = async () => {
    setBusy(true);
    setRefusal(null);
    try {
      await run();
      setOpen(false);
      message.success(done);
    } catch (e) {
      setRefusal(e instanceof ApiError ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button {...button} onClick={() => (setRefusal(null), setOpen(true))} data-testid={testId}>
        {label}
      </Button>
      <Modal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={() => void ok()}
        okText={refusal ? t('sv.assess.retry') : t('sv.assess.confirm')}
        confirmLoading={busy}
        destroyOnHidden
        data-testid={`${testId}-dialog`}
      >
        <Typography.Paragraph>{body}</Typography.Paragraph>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="assess-refusal" />}
      </Modal>
    </>
  );
}
