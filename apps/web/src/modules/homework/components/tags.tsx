/** Small tags of a homework item (type, layer, place, status) and of a class-day (kind, status), in the reader's language. */
import type { DayStatus, HomeworkType, ItemStatus, Layer, Place } from '@shuangjian/contracts';
import { homeworkTypeLabels, layerLabels } from '@shuangjian/policy';
import { Space, Tag } from 'antd';
import type { z } from 'zod';
import { useI18n } from '../../../app/i18n';

type TypeValue = z.infer<typeof HomeworkType>;
type LayerValue = z.infer<typeof Layer>;
type PlaceValue = z.infer<typeof Place>;
type ItemStatusValue = z.infer<typeof ItemStatus>;
type DayStatusValue = z.infer<typeof DayStatus>;

export function TypeTag({ type }: { type: TypeValue }) {
  const { locale } = useI18n();
  return <Tag color={type === 'written' ? 'blue' : 'cyan'}>{homeworkTypeLabels[type][locale]}</Tag>;
}

export function LayerTag({ layer }: { layer: LayerValue }) {
  const { locale } = useI18n();
  return <Tag color={layer === 'extension' ? 'purple' : layer === 'advanced' ? 'geekblue' : undefined}>{layerLabels[layer][locale]}</Tag>;
}

export function PlaceTag({ place }: { place: PlaceValue }) {
  const { t } = useI18n();
  return <Tag color={place === 'school' ? 'green' : undefined}>{t(`hw.place.${place}`)}</Tag>;
}

export function ItemTags({ item }: { item: { type: TypeValue; layer: LayerValue; place: PlaceValue } }) {
  return (
    <Space size={0} wrap>
      <TypeTag type={item.type} />
      <LayerTag layer={item.layer} />
      <PlaceTag place={item.place} />
    </Space>
  );
}

const ITEM_COLORS: Record<ItemStatusValue, string | undefined> = {
  draft: undefined,
  pending_check: 'gold',
  returned: 'red',
  ready: 'blue',
  dropped: 'default',
  withdrawn: 'default',
};

/**
 * An item's status; on a day that moved on, a ready item reads as the day does (待教务处审核 / 已公示), since "待班主任协调"
 * would no longer be true.
 */
export function ItemStatusTag({ status, dayStatus }: { status: ItemStatusValue; dayStatus?: DayStatusValue }) {
  const { t } = useI18n();
  if (status === 'ready' && dayStatus && dayStatus !== 'open') return <DayStatusTag status={dayStatus} />;
  return <Tag color={ITEM_COLORS[status]}>{t(`hw.itemStatus.${status}`)}</Tag>;
}

const DAY_COLORS: Record<DayStatusValue, string> = { open: 'processing', pending_approval: 'gold', published: 'success' };

export function DayStatusTag({ status }: { status: DayStatusValue }) {
  const { t } = useI18n();
  return <Tag color={DAY_COLORS[status]}>{t(`hw.dayStatus.${status}`)}</Tag>;
}

export function DayKindTag({ kind }: { kind: string }) {
  const { t } = useI18n();
  return <Tag color={kind === 'school_day' ? undefined : kind === 'vacation' ? 'magenta' : 'orange'}>{t(`hw.dayKind.${kind}`)}</Tag>;
}
