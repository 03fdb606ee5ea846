/** The day's load against the limit, the rules it breaks, what still waits for the content check, and the school's review steps. */
import { LockOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { LoadBar } from '../components/LoadBar';
import { LoadFigures, ViolationList } from '../components/LoadFigures';
import type { ClassDayRow, Item } from '../components/model';
import { dayCut } from './blockers';

export function DayLoadCard({
  day,
  coordinator,
  approver,
  onShorten,
}: {
  day: ClassDayRow;
  coordinator: boolean;
  approver: boolean;
  /** Opens the shorten dialog on the item the cut proposes, with its minutes proposed. */
  onShorten: (item: Item, minutes: number) => void;
}) {
  const { t } = useI18n();
  const cut = dayCut(day);
  const excess = day.check.written - day.check.limit;
  const inChain = day.items.filter((i) => i.status === 'ready' || i.status === 'pending_check');
  const pending = day.items.filter((i) => i.status === 'pending_check');
  return (
    <Card
      size="small"
      title={t('hw.day.load')}
      data-testid="day-load"
    >
      <LoadBar limit={day.check.limit} written={day.check.written} testId="day-load-bar" />
      <div style={{ margin: '6px 0' }}>
        <LoadFigures check={day.check} />
      </div>
      {day.check.violations.length > 0 ? (
        <>
          <ViolationList violations={day.check.violations} testId="day-violations" />
          {coordinator && day.status === 'open' && day.check.over && (
            <Flex wrap gap={8} align="center" style={{ marginTop: 8 }} data-testid="day-cut">
              <Typography.Text strong>
                {cut
                  ? t('hwr.cut.propose', { subject: cut.item.subjectName, teacher: cut.item.teacherName, from: cut.from, to: cut.to, total: day.check.limit, limit: day.check.limit })
                  : t('hwr.cut.none', { n: excess })}
              </Typography.Text>
              {cut && (
                <Button size="small" type="primary" ghost onClick={() => onShorten(cut.item, cut.to)} data-testid="day-cut-apply">
                  {t('hwr.cut.apply', { subject: cut.item.subjectName, n: cut.to })}
                </Button>
              )}
            </Flex>
          )}
          {coordinator && day.status === 'open' && (
            <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }}>
              {t('hw.day.resolveHint')}
            </Typography.Text>
          )}
        </>
      ) : (
        inChain.length > 0 && <Typography.Text type="success">{t('hw.day.withinRules')}</Typography.Text>
      )}
      {pending.length > 0 && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 6 }} data-testid="pending-hint">
          {t('hw.day.pendingHint', { n: pending.length, subjects: pending.map((p) => p.subjectName).join('、') })}
        </Typography.Text>
      )}
      <Flex wrap gap={4} align="center" style={{ marginTop: 10 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('hw.day.chain')}
        </Typography.Text>
        {(['contentCheck', 'classCoordination', 'schoolApproval'] as const).map((s) => (
          <Tag key={s} color={day.settings[s] ? 'blue' : 'default'} style={{ marginInlineEnd: 0 }} icon={day.settings.mandatory.includes(s) ? <LockOutlined /> : undefined}>
            {t(`hw.settings.${s}`)}
            {day.settings[s] ? '' : t('hw.day.stepOff')}
          </Tag>
        ))}
        {approver && <Link to="/homework/todo#settings">{t('hw.day.chainEdit')}</Link>}
      </Flex>
    </Card>
  );
}
