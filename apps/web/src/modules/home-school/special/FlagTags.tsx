/** A special student's flags (留守/单亲/困难/残疾/学困) as coloured tags. */
import type { SpecialFlagsOf } from '@shuangjian/contracts';
import { Space, Tag } from 'antd';
import { useI18n } from '../../../app/i18n';

export const FLAGS = ['leftBehind', 'singleParent', 'hardship', 'disability', 'learningDifficulty'] as const satisfies readonly (keyof SpecialFlagsOf)[];
export type Flag = (typeof FLAGS)[number];

const COLOR: Record<Flag, string> = { leftBehind: 'orange', singleParent: 'purple', hardship: 'gold', disability: 'blue', learningDifficulty: 'cyan' };

export function FlagTags({ flags }: { flags: SpecialFlagsOf }) {
  const { t } = useI18n();
  return (
    <Space size={[0, 4]} wrap data-testid="special-flags">
      {FLAGS.filter((f) => flags[f]).map((f) => (
        <Tag key={f} color={COLOR[f]}>
          {t(`hs.special.flag.${f}`)}
        </Tag>
      ))}
    </Space>
  );
}
