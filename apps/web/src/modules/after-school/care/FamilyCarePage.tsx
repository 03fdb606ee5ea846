/** 午托与暑托 on the parent's phone: the school's lunch and midday care (join or stop), and this summer's sites to enrol in. */
import type { SummerSession } from '@shuangjian/contracts';
import { addDays, DEFAULT_TIME_ZONE, type Fen, formatYuan, todayIn } from '@shuangjian/policy';
import { Button, Card, Empty, Flex, Popconfirm, Select, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { useSaveMutation } from '../../../components/useSaveMutation';
import { ChildSwitcher } from '../../homework/child/ChildSwitcher';
import { useCareFamily, useCareWrites } from './queries';
import './messages';

export default function FamilyCarePage() {
  const { t, locale } = useI18n();
  const { data: me } = useMe();
  const today = todayIn(useTimeZone() ?? DEFAULT_TIME_ZONE);
  const [picked, setPicked] = useState<string | undefined>();
  const studentId = picked ?? me?.children[0]?.id;
  const view = useCareFamily(studentId);
  const writes = useCareWrites();
  const [kitchen, setKitchen] = useState<string | undefined>();
  const join = useSaveMutation({ form: null, mutationFn: (v: { offerId: string; kitchen: string }) => writes.enrolLunch(v.offerId, studentId!, v.kitchen) });
  const stop = useSaveMutation({ form: null, mutationFn: (id: string) => writes.endLunch(id, addDays(today, 1)) });
  const enrol = useSaveMutation({ form: null, mutationFn: (s: SummerSession) => writes.enrolSummer(s.id, studentId!) });
  const withdraw = useSaveMutation({ form: null, mutationFn: (id: string) => writes.withdrawSummer(id) });
  const y = (f: number) => formatYuan(f as Fen, { locale });
  const data = view.data;
  const lunch = data?.lunch;

  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.afterSchool.familyCare')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('afterSchool.care.family.sub')}</Typography.Paragraph>
      {studentId && <ChildSwitcher value={studentId} onChange={setPicked} />}
      {view.error && <QueryError error={view.error} />}
      {view.isLoading && <PageSpinner />}
      {data && (
        <Flex vertical gap={12}>
          <Card size="small" title={t('afterSchool.care.family.lunch')} data-testid="family-lunch">
            {!lunch ? (
              <Typography.Text type="secondary">{t('afterSchool.care.family.lunchNone')}</Typography.Text>
            ) : (
              <Flex vertical gap={10}>
                <Typography.Text>
                  {lunch.offer.semesterName} ·{' '}
                  {t(lunch.offer.feeMode === 'daily' ? 'afterSchool.care.lunch.feeDaily' : 'afterSchool.care.lunch.feeMonthly', { fee: y(lunch.offer.feeFen) })}
                  {lunch.offer.note ? ` · ${lunch.offer.note}` : ''}
                </Typography.Text>
                {lunch.enrolment ? (
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <Tag color="green">{t('afterSchool.care.family.lunchIn', { kitchen: lunch.enrolment.kitchen, from: lunch.enrolment.startedOn })}</Tag>
                    <Popconfirm title={t('afterSchool.care.family.lunchEndConfirm')} onConfirm={() => stop.mutate(lunch.enrolment!.id)}>
                      <Button loading={stop.isPending}>{t('afterSchool.care.family.lunchEnd')}</Button>
                    </Popconfirm>
                  </Flex>
                ) : (
                  <Flex gap={8}>
                    <Select
                      style={{ flex: 1 }}
                      size="large"
                      aria-label={t('afterSchool.care.kitchen')}
                      placeholder={t('afterSchool.care.kitchen')}
                      value={kitchen ?? lunch.offer.kitchens[0]}
                      onChange={setKitchen}
                      options={lunch.offer.kitchens.map((k) => ({ value: k, label: k }))}
                    />
                    <Button type="primary" size="large" loading={join.isPending} onClick={() => join.mutate({ offerId: lunch.offer.id, kitchen: kitchen ?? lunch.offer.kitchens[0]! })}>
                      {t('afterSchool.care.family.lunchJoin')}
                    </Button>
                  </Flex>
                )}
              </Flex>
            )}
          </Card>
          <Card size="small" title={t('afterSchool.care.family.summer')} data-testid="family-summer">
            {!data.summer.sites.length && <Empty description={t('afterSchool.care.family.summerNone')} />}
            <Flex vertical gap={12}>
              {data.summer.sites.map((site) => (
                <div key={site.id}>
                  <Typography.Text strong>{site.name}</Typography.Text>
                  <div>
                    <Typography.Text type="secondary">
                      {site.address} · {t(site.feeMode === 'session' ? 'afterSchool.care.summer.feeSession' : 'afterSchool.care.summer.feeWeek', { fee: y(site.feeFen) })}
                    </Typography.Text>
                  </div>
                  {site.sessions.map((s) => {
                    const mine = data.summer.enrolments.find((e) => e.sessionId === s.id && e.status === 'enrolled');
                    return (
                      <Flex key={s.id} justify="space-between" align="center" gap={8} style={{ padding: '8px 0', borderBottom: '1px solid #f0f0f0' }}>
                        <div>
                          {s.name} · {s.startDate.slice(5)} ~ {s.endDate.slice(5)}
                          <div style={{ color: 'rgba(0,0,0,.45)' }}>{t('afterSchool.care.summer.seats', { enrolled: s.enrolled, capacity: s.capacity })}</div>
                        </div>
                        {mine ? (
                          <Popconfirm title={t('afterSchool.care.summer.withdrawConfirm')} onConfirm={() => withdraw.mutate(mine.id)}>
                            <Button>{`${t('afterSchool.care.summer.enrolled')} · ${y(mine.dueFen)}`}</Button>
                          </Popconfirm>
                        ) : (
                          <Button type="primary" disabled={s.enrolled >= s.capacity || s.endDate < today} loading={enrol.isPending && enrol.variables?.id === s.id} onClick={() => enrol.mutate(s)}>
                            {s.enrolled >= s.capacity ? t('afterSchool.care.summer.full') : t('afterSchool.care.summer.enrol')}
                          </Button>
                        )}
                      </Flex>
                    );
                  })}
                </div>
              ))}
            </Flex>
          </Card>
        </Flex>
      )}
    </div>
  );
}
