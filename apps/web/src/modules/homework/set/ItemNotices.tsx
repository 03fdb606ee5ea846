/** What the teacher must know before editing an item: a concurrent change, a return, a class teacher's adjustment, a closed day. */
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatDay, type Item } from '../components/model';

export function ItemNotices({
  item,
  conflict,
  reload,
  editable,
  noClasses,
}: {
  item?: Item;
  /** The server's answer to a save over a newer version. */
  conflict: string | null;
  reload: () => void;
  editable: boolean;
  /** A new item, and the teacher teaches no class. */
  noClasses: boolean;
}) {
  const { t, locale } = useI18n();
  // the item's day: a ready item on a published day reads as published, and a change there makes a correction
  const dayStatus = item?.dayStatus ?? undefined;
  return (
    <>
      {conflict && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hw.edit.conflict')}
          description={conflict}
          action={
            <Button icon={<ReloadOutlined />} onClick={reload}>
              {t('hw.edit.reload')}
            </Button>
          }
        />
      )}
      {item?.status === 'returned' && item.returnReason && (
        <Alert type="error" showIcon style={{ marginBottom: 16 }} title={t('hw.edit.returned')} description={item.returnReason} data-testid="return-reason" />
      )}
      {item?.adjustNote && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('hw.edit.adjusted')}
          description={
            <>
              {item.adjustNote}
              {item.originalMinutes !== null && <div>{t('hw.day.originalMinutes', { n: item.originalMinutes })}</div>}
              {item.originalDate && <div>{t('hw.day.originalDate', { date: formatDay(item.originalDate, locale) })}</div>}
            </>
          }
        />
      )}
      {item?.status === 'ready' && dayStatus && dayStatus !== 'open' && (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t(dayStatus === 'published' ? 'hw.edit.dayPublished' : 'hw.edit.daySubmitted')} />
      )}
      {!editable && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={t('hw.edit.closed')} />}
      {noClasses && <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('hw.form.noClasses')} />}
    </>
  );
}
