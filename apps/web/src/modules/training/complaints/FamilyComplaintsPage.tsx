/** A parent's complaints on the phone: file one (institutions from the district's published lists) and follow each ticket. */
import type { Complaint } from '@shuangjian/contracts';
import { complaintCategoryLabels } from '@shuangjian/contracts';
import { Card, Collapse, Empty, Flex, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { ComplaintForm } from './ComplaintForm';
import { fileAsParent, useMyComplaints, usePublicDistricts, usePublicInstitutions, useRefreshComplaints } from './queries';
import { AnswerBox, StatusTag, TicketTimeline } from './TicketTimeline';

function TicketCard({ c }: { c: Complaint }) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" data-testid="my-complaint">
      <Flex justify="space-between" align="flex-start" gap={8}>
        <div>
          <Typography.Text strong>{c.institutionName}</Typography.Text>
          <div style={{ fontSize: 12, color: '#888' }}>
            {complaintCategoryLabels[c.category][locale]} · {c.receivedOn} · {t('training.complaints.filed.code')} {c.code}
          </div>
        </div>
        <span style={{ whiteSpace: 'nowrap' }}>
          <StatusTag status={c.status} overdue={c.overdue} />
        </span>
      </Flex>
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'more',
            label: t('training.complaints.ticket.timeline'),
            children: (
              <>
                <Typography.Paragraph style={{ fontSize: 13, whiteSpace: 'pre-wrap' }}>{c.description}</Typography.Paragraph>
                <AnswerBox answer={c.answer} />
                <div style={{ marginTop: 12 }}>
                  <TicketTimeline events={c.timeline} />
                </div>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

export default function FamilyComplaintsPage() {
  const { t } = useI18n();
  const message = useMessage();
  const { data: me } = useMe();
  const mine = useMyComplaints();
  const refresh = useRefreshComplaints();
  // the published lists are the district's, by its code
  const districts = usePublicDistricts();
  const code = districts.data?.find((d) => d.name === me?.district.name)?.code;
  const institutions = usePublicInstitutions(code);
  const [tab, setTab] = useState<'mine' | 'new'>('mine');
  return (
    <div style={{ maxWidth: 560, margin: '0 auto' }} data-testid="family-complaints">
      <Typography.Title level={4} style={{ marginTop: 0, marginBottom: 4 }}>
        {t('menu.training.familyComplaints')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t('training.complaints.family.sub')}
      </Typography.Paragraph>
      <Segmented
        block
        size="large"
        value={tab}
        onChange={(v) => setTab(v as 'mine' | 'new')}
        options={[
          { value: 'mine', label: t('training.complaints.family.mine') },
          { value: 'new', label: t('training.complaints.family.new') },
        ]}
        style={{ marginBottom: 12 }}
      />
      {tab === 'new' ? (
        <Card size="small">
          <ComplaintForm
            institutions={institutions.data ?? []}
            phoneRequired={false}
            submit={fileAsParent}
            onFiled={(r) => {
              message.success(t('training.complaints.family.filed', { code: (r as Complaint).code }));
              void refresh();
              setTab('mine');
            }}
          />
        </Card>
      ) : (
        <>
          {mine.error && <QueryError error={mine.error} />}
          {mine.isLoading && <PageSpinner />}
          {mine.data && !mine.data.length && <Empty description={t('training.complaints.family.none')} />}
          <Flex vertical gap={12}>
            {mine.data?.map((c) => (
              <TicketCard key={c.id} c={c} />
            ))}
          </Flex>
        </>
      )}
    </div>
  );
}
