/**
 * 班级当日作业: one class's day in the review chain. The class teacher (班主任协调总量) shortens, drops, moves or returns
 * items and submits the day; academic affairs (教务处) approves it into an immutable published list or sends it back.
 * An over-limit or forbidden day is refused by the server (422 RULE_VIOLATION), shown here as it answers.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { LoadCheck } from '@shuangjian/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Flex, Form, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import type { z } from 'zod';
import { api } from '../../../app/api';
import { hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { PageSpinner } from '../../../components/PageSpinner';
import { ViolationList } from '../components/LoadFigures';
import { type ClassDayRow, districtToday, formatDay, hwKey, type Item, nextDay, previousDay } from '../components/model';
import { ReasonModal, type ReasonValues } from '../components/ReasonModal';
import { DayKindTag, DayStatusTag } from '../components/tags';
import { AdjustDialog } from './AdjustDialog';
import { DayHistory } from './DayHistory';
import { DayReports } from './DayReports';
import { DayItems } from './DayItems';
import { DayLoadCard } from './DayLoadCard';
import type { Action } from './ItemParts';
import { SubmitDialog } from './SubmitDialog';
import { useDayActions } from './useDayActions';

export default function ClassDayPage() {
  const tz = useTimeZone();
  const { classId = '', date = '' } = useParams();
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const day = useQuery({ queryKey: hwKey('day', classId, date), queryFn: () => api.get<ClassDayRow>(`/api/homework/days/${classId}/${date}`) });
  const go = (d: string) => void navigate(`/homework/day/${classId}/${d}`);
  const nav = (
    <Space wrap>
      <Button icon={<LeftOutlined />} onClick={() => go(previousDay(date))} aria-label={t('hw.day.previous')} data-testid="day-previous">
        {t('hw.day.previous')}
      </Button>
      <DatePicker value={dayjs(date)} allowClear={false} onChange={(d) => d && go(d.format('YYYY-MM-DD'))} format={(d) => formatDay(d.format('YYYY-MM-DD'), locale, true)} />
      <Button onClick={() => go(nextDay(date))} aria-label={t('hw.day.next')} data-testid="day-next">
        {t('hw.day.next')} <RightOutlined />
      </Button>
    </Space>
  );
  if (day.isLoading) return <PageSpinner />;
  if (day.error || !day.data)
    return (
      <>
        <PageHeader title={t('menu.homework.day')} extra={nav} />
        <Alert type="error" showIcon title={day.error?.message ?? t('common.none')} />
      </>
    );
  const coordinator = !!me?.classes.some((c) => c.id === classId && c.roles.includes('class_teacher'));
  const approver = hasRole(me, 'school_admin') && !!me?.schools.some((s) => s.id === day.data.schoolId);
  return <DayView day={day.data} nav={nav} coordinator={coordinator} approver={approver} today={districtToday(tz)} />;
}

function DayView({ day, nav, coordinator, approver, today }: { day: ClassDayRow; nav: ReactNode; coordinator: boolean; approver: boolean; today: string }) {
  const { t, locale } = useI18n();
  const [adjusting, setAdjusting] = useState<{ item: Item; action: Action; minutes?: number } | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [returning, setReturning] = useState(false);
  const [adjustForm] = Form.useForm<ReasonValues>();
  const [submitForm] = Form.useForm<ReasonValues>();
  const { adjust, submit, approve, giveBack, ruleError, clearRuleError } = useDayActions(day, { adjust: adjustForm, submit: submitForm }, () => {
    setAdjusting(null);
    setSubmitting(false);
    setReturning(false);
  });

  const ready = day.items.filter((i) => i.status === 'ready');
  const correction = day.publishedVersion > 0;
  const canSubmit = coordinator && day.status === 'open' && ready.length > 0;
  const details = ruleError?.details as { check?: z.infer<typeof LoadCheck> } | undefined;

  return (
    <>
      <PageHeader
        title={`${day.className} · ${formatDay(day.date, locale, true)}`}
        sub={
          <Space size={4} wrap style={{ marginTop: 4 }}>
            <DayKindTag kind={day.dayKind} />
            {day.dayName && day.dayKind !== 'school_day' && <Typography.Text type="secondary">{day.dayName}</Typography.Text>}
            <span data-testid="day-status">
              <DayStatusTag status={day.status} />
            </span>
            {correction && <Tag>{t('hw.day.version', { n: day.publishedVersion })}</Tag>}
          </Space>
        }
        extra={nav}
      />
      <Flex vertical gap={16}>
        {ruleError && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: clearRuleError }}
            data-testid="day-error"
            title={details?.check ? t('hw.day.refused') : ruleError.message}
            description={details?.check && <ViolationList violations={details.check.violations} />}
          />
        )}
        {day.status === 'open' && day.returnReason && <Alert type="warning" showIcon title={t('hw.day.returnedBy')} description={day.returnReason} />}
        {day.status === 'pending_approval' && (
          <Alert
            type="info"
            showIcon
            title={correction ? t('hw.day.waitingCorrection') : t('hw.day.waiting')}
            description={day.submitNote && `${correction ? t('hw.day.correctionReason') : t('hw.day.note')}：${day.submitNote}`}
          />
        )}
        {day.status === 'open' && correction && <Alert type="warning" showIcon title={t('hw.day.reopened', { n: day.publishedVersion })} />}

        <DayLoadCard day={day} coordinator={coordinator} approver={approver} onShorten={(item, minutes) => setAdjusting({ item, action: 'shorten', minutes })} />
        <DayItems
          day={day}
          coordinator={coordinator}
          approver={approver}
          canSubmit={canSubmit}
          approving={approve.isPending}
          onSubmit={() => setSubmitting(true)}
          onApprove={() => approve.mutate()}
          onReturn={() => setReturning(true)}
          onAdjust={(item, action) => setAdjusting({ item, action })}
        />
        <DayHistory day={day} />
        {day.publishedVersion > 0 && <DayReports classId={day.classId} date={day.date} canRemind={coordinator} today={today} />}
      </Flex>

      <AdjustDialog
        form={adjustForm}
        day={day}
        today={today}
        adjusting={adjusting}
        loading={adjust.isPending}
        onCancel={() => setAdjusting(null)}
        onOk={(values) => adjusting && adjust.mutate({ item: adjusting.item, action: adjusting.action, values })}
      />
      <SubmitDialog form={submitForm} day={day} open={submitting} loading={submit.isPending} onCancel={() => setSubmitting(false)} onOk={(note) => submit.mutate(note)} />
      <ReasonModal
        open={returning}
        title={t('hw.day.return')}
        okText={t('hw.day.return')}
        danger
        loading={giveBack.isPending}
        onCancel={() => setReturning(false)}
        onOk={(v) => v.reason && giveBack.mutate(v.reason)}
      />
    </>
  );
}
