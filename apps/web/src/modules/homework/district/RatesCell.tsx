/** One cell of the dashboard: completion (families who reported), over-limit rate and reporting rate, each coloured by the target. */
import { Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { overColor, percent, withinColor } from '../components/rates';
import type { Fig } from './types';

export function RatesCell({ rates, target, testId }: { rates: Fig | undefined; target: number; testId?: string }) {
  const { t } = useI18n();
  if (!rates || (rates.reporters === 0 && rates.classDays === 0)) return <Typography.Text type="secondary">–</Typography.Text>;
  return (
    <div style={{ lineHeight: 1.4, whiteSpace: 'nowrap' }} data-testid={testId}>
      <div style={{ color: withinColor(rates.withinLimitRate, target), fontWeight: 500 }}>
        {t('hwv.district.cellWithin')} {percent(rates.withinLimitRate)}
      </div>
      <div style={{ color: overColor(rates.overLimitRate, target), fontSize: 12 }}>
        {t('hwv.district.cellOver')} {percent(rates.overLimitRate)}
      </div>
      <div style={{ fontSize: 12, color: '#595959' }}>
        {t('hwv.district.cellReporting')} {percent(rates.reportingRate)}
      </div>
    </div>
  );
}
