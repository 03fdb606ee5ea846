/** The parts of an item on the class's day: its content with links, its minutes, its notes, the class teacher's adjustments. */
import { Button, Flex, Typography } from 'antd';
import { useI18n, useT } from '../../../app/i18n';
import { ItemLinks } from '../components/ItemLinks';
import { formatDay, type Item } from '../components/model';

export type Action = 'shorten' | 'drop' | 'move' | 'return';
const ACTIONS: Action[] = ['shorten', 'drop', 'move', 'return'];

export function ItemContent({ item: i }: { item: Item }) {
  return (
    <div>
      {i.title && <Typography.Text strong>{i.title}：</Typography.Text>}
      {i.content}
      <ItemLinks item={i} />
    </div>
  );
}

/** Minutes, with the original struck through when the class teacher shortened it. */
export function Minutes({ item: i }: { item: Item }) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap', textAlign: 'right' }}>
      <Typography.Text strong>{t('hw.minutes', { n: i.minutes })}</Typography.Text>
      {i.originalMinutes !== null && i.originalMinutes !== i.minutes && (
        <Typography.Text delete type="secondary" style={{ display: 'block' }}>
          {t('hw.minutes', { n: i.originalMinutes })}
        </Typography.Text>
      )}
    </span>
  );
}

export function ItemNotes({ item: i }: { item: Item }) {
  const { t, locale } = useI18n();
  return (
    <>
      {i.originalDate && <div>{t('hw.day.movedFrom', { date: formatDay(i.originalDate, locale) })}</div>}
      {i.adjustNote && <Typography.Text type="secondary">{t('hw.day.adjustNote', { note: i.adjustNote })}</Typography.Text>}
      {i.status === 'returned' && i.returnReason && <Typography.Text type="danger">{t('hw.day.returnNote', { note: i.returnReason })}</Typography.Text>}
    </>
  );
}

/** 班主任协调: the four adjustments of an item still in the chain. */
export function Actions({ item: i, onAdjust }: { item: Item; onAdjust: (action: Action) => void }) {
  const t = useT();
  if (i.status !== 'ready' && i.status !== 'pending_check') return null;
  return (
    <Flex wrap gap={0} style={{ marginInline: -7 }}>
      {ACTIONS.map((a) => (
        <Button
          key={a}
          type="link"
          size="small"
          danger={a === 'drop' || a === 'return'}
          disabled={a === 'shorten' && i.minutes <= 1}
          onClick={() => onAdjust(a)}
          data-testid={`adjust-${a}`}
        >
          {t(`hw.adjust.${a}`)}
        </Button>
      ))}
    </Flex>
  );
}
