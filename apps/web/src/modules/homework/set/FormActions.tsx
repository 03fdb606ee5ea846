/** The set-homework form's buttons: submit, save as draft or for review, withdraw; and why submitting is refused. */
import { Button, Card, Flex, Popconfirm, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../app/i18n';
import type { Item } from '../components/model';

export function FormActions({
  item,
  saving,
  withdrawing,
  blocked,
  run,
  withdraw,
}: {
  item?: Item;
  saving: boolean;
  withdrawing: boolean;
  /** A target class-day breaks a rule: the item can be set, not published. */
  blocked: boolean;
  run: (submit: boolean) => void;
  withdraw: () => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Card size="small">
      <Flex wrap gap={8} align="center">
        {(!item || item.status === 'draft' || item.status === 'returned') && (
          <Button type="primary" loading={saving} onClick={() => run(true)} data-testid="submit-homework">
            {item?.status === 'returned' ? t('hw.edit.resubmit') : t('hw.form.submit')}
          </Button>
        )}
        {item && (item.status === 'pending_check' || item.status === 'ready') && (
          <Button type="primary" loading={saving} onClick={() => run(false)}>
            {t('hw.edit.saveReview')}
          </Button>
        )}
        {(!item || item.status === 'draft' || item.status === 'returned') && (
          <Button loading={saving} onClick={() => run(false)}>
            {item ? t('common.save') : t('hw.form.draft')}
          </Button>
        )}
        {item && (
          <Popconfirm title={t('hw.edit.withdrawConfirm')} onConfirm={withdraw}>
            <Button danger loading={withdrawing}>
              {t('hw.edit.withdraw')}
            </Button>
          </Popconfirm>
        )}
        <Button type="link" onClick={() => void navigate('/homework/todo')}>
          {t('menu.homework.todo')}
        </Button>
      </Flex>
      {blocked && (
        <Typography.Text type="danger" style={{ display: 'block', marginTop: 8 }} data-testid="submit-blocked-hint">
          {t('hw.form.blockedHint')}
        </Typography.Text>
      )}
      {item && (item.status === 'pending_check' || item.status === 'ready') && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('hw.edit.reviewAgain')}
        </Typography.Text>
      )}
    </Card>
  );
}
