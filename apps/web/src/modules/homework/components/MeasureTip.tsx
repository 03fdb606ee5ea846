/** A measure's name with a short explanation on hover or tap, in the words the server computes it by. */
import { QuestionCircleOutlined } from '@ant-design/icons';
import { Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useT } from '../../../app/i18n';

export type Measure = 'withinRate' | 'overRate' | 'overloaded' | 'counted' | 'flagged' | 'median' | 'meanRatio' | 'bedtime';

export function MeasureTip({ measure, children, vars }: { measure: Measure; children: ReactNode; vars?: Record<string, string | number> }) {
  const t = useT();
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {children}{' '}
      <Tooltip title={t(`hwv.help.${measure}`, vars)}>
        <QuestionCircleOutlined style={{ color: '#8c8c8c', cursor: 'help' }} aria-label={t('hwv.help.aria')} />
      </Tooltip>
    </span>
  );
}
