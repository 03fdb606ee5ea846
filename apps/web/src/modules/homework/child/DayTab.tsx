/** The day tab: a day's published list (作业公示) with its load against the limit, and the family's report of it. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { addDays, daysBetween } from '@shuangjian/policy';
import { Alert, Button, Card, Empty, Flex, Progress, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import { PageSpinner } from '../../../components/PageSpinner';
import { childDayKey, type ChildDayRow, fetchChildDay } from '../components/family';
import { MeasureTip } from '../components/MeasureTip';
import { formatDay } from '../components/model';
import { loadColor, loadShare } from '../components/rates';
import { Stepper } from '../components/Stepper';
import { DayKindTag } from '../components/tags';
import { ChildMarkTag } from '../marking/MarkingTag';
import { useChildMarks } from '../marking/queries';
import { ItemCard } from './ItemCard';
import { ReportForm } from './ReportForm';
import { outcomeOf, ReportResult } from './ReportResult';
import { type Child, type ListRow, REPORT_DAYS } from './types';
import { useTimeZone } from '../../../app/auth';

/** Written minutes against the limit, with the rest of the day's load underneath. */
export function LoadSummary({ list, grade }: { list: ListRow; grade: number }) {
  const { t } = useI18n();
  const share = loadShare(list.written, list.limit);
  return (
    <div data-testid="child-load">
      <Flex justify="space-between" align="baseline" wrap gap={4}>
        <MeasureTip measure="counted">
          <Typography.Text type="secondary">{t('hwv.child.written')}</Typography.Text>
        </MeasureTip>
        <Typography.Text strong style={{ fontSize: 18, color: loadColor(share) }} data-testid="child-written">
          {t('hwv.minutesOf', { n: list.written, limit: list.limit })}
        </Typography.Text>
      </Flex>
      {list.limit > 0 ? (
        <Progress percent={Math.min(100, Math.round(share * 100))} showInfo={false} strokeColor={loadColor(share)} />
      ) : (
        grade <= 2 && <Typography.Text type="secondary">{t('hwv.child.noWrittenLowGrade')}</Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {[
          list.other ? t('hwv.child.other', { n: list.other }) : null,
          list.optional ? t('hwv.child.optional', { n: list.optional }) : null,
          list.inSchool ? t('hwv.child.inSchool', { n: list.inSchool }) : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    </div>
  );
}

function NothingPublished({ day, today }: { day: ChildDayRow; today: string }) {
  const { t } = useI18n();
  let text: string;
  if (day.dayKind === 'weekend') text = t('hwv.child.none.weekend');
  else if (day.dayKind === 'holiday') text = t('hwv.child.none.holiday', { name: day.dayName ?? t('hw.dayKind.holiday') });
  else if (day.dayKind === 'vacation') text = t('hwv.child.none.vacation', { name: day.dayName ?? t('hw.dayKind.vacation') });
  else if (day.date > today) text = t('hwv.child.none.future');
  else if (day.date === today) text = t('hwv.child.none.today');
  else text = t('hwv.child.none.past');
  return (
    <Card data-testid="child-none">
      <Empty description={text} />
    </Card>
  );
}

export function DayTab({ child, date, today, onDate }: { child: Child; date: string; today: string; onDate(d: string): void }) {
  const tz = useTimeZone();
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const day = useQuery({ queryKey: childDayKey(child.id, date), queryFn: () => fetchChildDay(child.id, date) });
  const [editing, setEditing] = useState<string | null>(null);
  const reportable = date <= today && daysBetween(date, today) <= REPORT_DAYS;
  const d = day.data;
  // 批改: which of the day's items the teachers marked (asked once the list is out and the day has come)
  const marks = useChildMarks(child.id, date, !!d?.list && date <= today);
  const editKey = `${date}:${d?.feedback?.reportedAt ?? ''}`;
  const isEditing = editing === editKey;
  const saved = (next: ChildDayRow) => {
    client.setQueryData(childDayKey(child.id, date), next);
    setEditing(null);
  };
  // opened from the home page's report button: straight to the form
  const wantsReport = useLocation().hash === '#report';
  useEffect(() => {
    if (wantsReport && d?.list) document.getElementById('child-report')?.scrollIntoView({ block: 'start' });
  }, [wantsReport, d?.list]);
  const relative = date === today ? t('hwv.today') : date === addDays(today, -1) ? t('hwv.yesterday') : date === addDays(today, 1) ? t('hwv.tomorrow') : null;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Card styles={{ body: { padding: 10 } }}>
        <Stepper
          size="large"
          testId="child-day-stepper"
          label={formatDay(date, locale)}
          sub={
            <Space size={4}>
              {relative && <Tag color="blue">{relative}</Tag>}
              {d && <DayKindTag kind={d.dayKind} />}
              {date !== today && (
                <Button type="link" size="small" onClick={() => onDate(today)} style={{ padding: 0 }}>
                  {t('hwv.backToToday')}
                </Button>
              )}
            </Space>
          }
          onPrev={() => onDate(addDays(date, -1))}
          onNext={() => onDate(addDays(date, 1))}
          prevLabel={t('hwv.prevDay')}
          nextLabel={t('hwv.nextDay')}
        />
      </Card>
      {day.isLoading && <PageSpinner />}
      {day.error && <Alert type="error" showIcon title={day.error.message} />}
      {d && !d.list && <NothingPublished day={d} today={today} />}
      {d?.list && (
        <>
          <Card styles={{ body: { padding: 14 } }} data-testid="child-list">
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Flex justify="space-between" align="center" wrap gap={4}>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {t('hwv.child.listTitle', { n: d.list.items.length })}
                </Typography.Text>
                {d.list.version > 1 ? (
                  <Tag color="orange" data-testid="child-corrected">
                    {t('hwv.child.corrected', { v: d.list.version })}
                  </Tag>
                ) : null}
              </Flex>
              {d.list.version > 1 && d.list.reason && <Alert type="warning" showIcon title={t('hwv.child.correctionReason', { reason: d.list.reason })} />}
              <LoadSummary list={d.list} grade={d.grade} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('hwv.child.publishedBy', { name: d.list.publishedBy, at: formatDateTime(d.list.publishedAt, tz) })}
              </Typography.Text>
              {reportable && (
                <Button
                  block
                  size="large"
                  type={d.feedback ? 'default' : 'primary'}
                  ghost={!d.feedback}
                  onClick={() => document.getElementById('child-report')?.scrollIntoView({ behavior: 'smooth', block: 'start' })}
                  data-testid="child-go-report"
                >
                  {d.feedback ? t(`hwf.outcome.${outcomeOf(d)!}`) + ' · ' + t('hwv.report.view') : t('hwv.report.go')}
                </Button>
              )}
            </Space>
          </Card>
          {d.list.items.map((i) => (
            <ItemCard key={i.itemId} item={i} mark={<ChildMarkTag mark={marks.data?.find((m) => m.itemId === i.itemId)} />} />
          ))}
          {!reportable && (
            <Alert type="info" showIcon title={date > today ? t('hwv.report.future') : t('hwv.report.tooOld', { n: REPORT_DAYS })} />
          )}
          <div id="child-report" style={{ scrollMarginTop: 8 }}>
            {d.feedback && !isEditing && <ReportResult day={d} canEdit={reportable} onEdit={() => setEditing(editKey)} />}
            {reportable && (!d.feedback || isEditing) && (
              <ReportForm key={editKey} day={d} onSaved={saved} onCancel={d.feedback ? () => setEditing(null) : undefined} />
            )}
          </div>
        </>
      )}
    </Space>
  );
}
