/** A month of one school's calendar, each day coloured by its kind (上课日/周末/法定节假日/假期) with the entry's name. */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { DAY_KINDS } from '@shuangjian/contracts';
import { Button, Flex, Grid, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useT } from '../../app/i18n';
import { QueryError } from '../../components/QueryError';
import { type DayRow, useDays } from './queries';

type Kind = DayRow['kind'];
export const dayColors: Record<Kind, { bg: string; fg: string; border: string }> = {
  school_day: { bg: '#ffffff', fg: 'rgba(0,0,0,0.88)', border: '#d9d9d9' },
  weekend: { bg: '#f5f5f5', fg: '#8c8c8c', border: '#e8e8e8' },
  holiday: { bg: '#fff1f0', fg: '#cf1322', border: '#ffa39e' },
  vacation: { bg: '#fff7e6', fg: '#d46b08', border: '#ffd591' },
};

/** A weekend worked as a school day (调休上班): a school day, marked so nobody misses it. */
const workdayColors = { bg: '#e6f4ff', fg: '#0958d9', border: '#91caff' };

export function DayLegend() {
  const t = useT();
  const items = [...DAY_KINDS.map((k) => [t(`calendar.dayKind.${k}`), dayColors[k]] as const), [t('calendar.entryKind.workday'), workdayColors] as const];
  return (
    <Space wrap size={[12, 4]} data-testid="calendar-legend">
      {items.map(([label, c]) => (
        <Space key={label} size={4}>
          <span style={{ display: 'inline-block', width: 14, height: 14, borderRadius: 3, background: c.bg, border: `1px solid ${c.border}`, verticalAlign: 'middle' }} />
          <Typography.Text style={{ fontSize: 13 }}>{label}</Typography.Text>
        </Space>
      ))}
    </Space>
  );
}

/** `month` is 'YYYY-MM'. Weeks start on Monday, as Chinese school timetables do. */
export function MonthView({ schoolId, month, onMonth }: { schoolId: string | undefined; month: string; onMonth: (month: string) => void }) {
  const t = useT();
  const narrow = !Grid.useBreakpoint().md;
  const first = dayjs(`${month}-01`);
  const start = first.subtract((first.day() + 6) % 7, 'day');
  const weeks = Math.ceil(((first.day() + 6) % 7 + first.daysInMonth()) / 7);
  const end = start.add(weeks * 7 - 1, 'day');
  const days = useDays(schoolId, start.format('YYYY-MM-DD'), end.format('YYYY-MM-DD'));
  const byDate = new Map(days.data?.map((d) => [d.date, d]));
  const inMonth = days.data?.filter((d) => d.date.startsWith(month)) ?? [];
  const schoolDays = inMonth.filter((d) => d.schoolDay).length;
  const terms = [...new Set(inMonth.filter((d) => d.reason !== 'entry' && d.schoolDay && d.name).map((d) => d.name))];
  const weekdays = t('calendar.weekdays').split(',');
  const today = dayjs().format('YYYY-MM-DD');

  return (
    <div>
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
        <Space>
          <Button icon={<LeftOutlined />} aria-label={t('calendar.prevMonth')} onClick={() => onMonth(first.subtract(1, 'month').format('YYYY-MM'))} data-testid="calendar-prev" />
          <Typography.Title level={5} style={{ margin: 0, minWidth: 110, textAlign: 'center' }} data-testid="calendar-month">
            {t('calendar.monthTitle', { year: first.year(), month: first.month() + 1 })}
          </Typography.Title>
          <Button icon={<RightOutlined />} aria-label={t('calendar.nextMonth')} onClick={() => onMonth(first.add(1, 'month').format('YYYY-MM'))} data-testid="calendar-next" />
          <Button onClick={() => onMonth(dayjs().format('YYYY-MM'))}>{t('calendar.thisMonth')}</Button>
        </Space>
        {days.data && (
          <Typography.Text type="secondary">
            {[...terms, t('calendar.schoolDayCount', { n: schoolDays })].join(' · ')}
          </Typography.Text>
        )}
      </Flex>
      <QueryError error={days.error} />
      <Spin spinning={days.isFetching}>
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, minmax(0, 1fr))', gap: narrow ? 2 : 4 }} data-testid="month-grid">
          {weekdays.map((w, i) => (
            <div key={w} style={{ textAlign: 'center', fontSize: 12, padding: '4px 0', color: i >= 5 ? '#8c8c8c' : undefined, fontWeight: 500 }}>
              {w}
            </div>
          ))}
          {Array.from({ length: weeks * 7 }, (_, i) => {
            const date = start.add(i, 'day');
            const key = date.format('YYYY-MM-DD');
            const info = byDate.get(key);
            const kind: Kind = info?.kind ?? (date.day() === 0 || date.day() === 6 ? 'weekend' : 'school_day');
            const workday = info?.reason === 'entry' && kind === 'school_day';
            const colors = workday ? workdayColors : dayColors[kind];
            // a plain school day carries the semester's name: only entries (and vacation outside a semester) are labelled
            const label = info?.reason === 'entry' ? info.name : kind === 'vacation' ? t('calendar.dayKind.vacation') : '';
            const outside = !key.startsWith(month);
            return (
              <div
                key={key}
                data-date={key}
                data-kind={info?.kind}
                title={[key, t(`calendar.dayKind.${kind}`), info?.name].filter(Boolean).join(' · ')}
                style={{
                  background: colors.bg,
                  color: colors.fg,
                  border: `1px solid ${key === today ? '#1677ff' : colors.border}`,
                  borderRadius: 6,
                  minHeight: narrow ? 48 : 76,
                  padding: narrow ? '2px 3px' : '4px 6px',
                  opacity: outside ? 0.4 : 1,
                  overflow: 'hidden',
                }}
              >
                <div style={{ fontWeight: key === today ? 700 : 500, fontSize: narrow ? 13 : 15 }}>{date.date()}</div>
                {label && (
                  <div
                    style={{
                      fontSize: narrow ? 10 : 12,
                      lineHeight: 1.25,
                      marginTop: 2,
                      overflow: 'hidden',
                      display: '-webkit-box',
                      WebkitLineClamp: 2,
                      WebkitBoxOrient: 'vertical',
                      wordBreak: 'break-all',
                    }}
                  >
                    {label}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </Spin>
      <div style={{ marginTop: 12 }}>
        <DayLegend />
      </div>
    </div>
  );
}
