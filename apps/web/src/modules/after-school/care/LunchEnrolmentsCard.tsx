/** The children taking lunch, by class: the school enrols a child (kitchen chosen) or ends a child's lunch from a day on. */
import { PlusOutlined } from '@ant-design/icons';
import type { LunchEnrolment, LunchOffer } from '@shuangjian/contracts';
import { Button, Flex, Input, Table } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { QueryError } from '../../../components/QueryError';
import { LunchEndForm, LunchEnrolForm } from './LunchEnrolForms';
import { useLunchEnrolments } from './queries';
import './messages';

export function LunchEnrolmentsCard({ offer, today, canPlan }: { offer: LunchOffer; today: string; canPlan: boolean }) {
  const { t } = useI18n();
  const enrolments = useLunchEnrolments(offer.id);
  const [adding, setAdding] = useState(false);
  const [ending, setEnding] = useState<LunchEnrolment | null>(null);
  const [q, setQ] = useState('');
  const items = enrolments.data?.items ?? [];
  const shown = q ? items.filter((e) => e.studentName.includes(q) || e.className.includes(q)) : items;
  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" gap={8} wrap>
        <Input.Search allowClear placeholder={t('afterSchool.care.lunch.find')} aria-label={t('afterSchool.care.lunch.find')} onSearch={(v) => setQ(v.trim())} onChange={(e) => !e.target.value && setQ('')} style={{ width: 240 }} />
        {canPlan && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
            {t('afterSchool.care.lunch.enrol')}
          </Button>
        )}
      </Flex>
      {enrolments.error && <QueryError error={enrolments.error} />}
      <div data-testid="lunch-enrolments">
        <Table<LunchEnrolment>
          rowKey="id"
          size="small"
          loading={enrolments.isLoading}
          dataSource={shown}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          columns={[
            { title: t('afterSchool.care.class'), dataIndex: 'className' },
            { title: t('afterSchool.care.student'), dataIndex: 'studentName' },
            { title: t('afterSchool.care.kitchen'), dataIndex: 'kitchen' },
            { title: t('afterSchool.care.lunch.since'), dataIndex: 'startedOn' },
            ...(canPlan
              ? [
                  {
                    title: t('common.actions'),
                    key: 'a',
                    render: (_: unknown, e: LunchEnrolment) => (
                      <Button size="small" danger onClick={() => setEnding(e)}>
                        {t('afterSchool.care.lunch.end')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </div>
      {adding && <LunchEnrolForm offer={offer} taken={items.map((e) => e.studentId)} onClose={() => setAdding(false)} />}
      {ending && <LunchEndForm enrolment={ending} today={today} onClose={() => setEnding(null)} />}
    </Flex>
  );
}
