/**
 * 考试备案: a school's (or the district's) exam filings of a semester — filed, refused attempts (violations, each with
 * the rules it broke) and cancelled — with the district's exam rules in force and the filing form.
 */
import { type ExamFiling, type ExamFilingStatus, examFormLabels, examTypeLabels } from '@shuangjian/contracts';
import { Button, Card, Collapse, Flex, Popconfirm, Select, Table, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { can, hasRole, useMe, useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { ExamCitation, ExamFindings } from './ExamFindings';
import { FilingDrawer } from './FilingDrawer';
import { useExamRules, useFilings, useFilingWrites, useSemesters } from './queries';

const GRADES_OF: Record<string, number[]> = { primary: [1, 2, 3, 4, 5, 6], junior: [7, 8, 9], nine_year: [1, 2, 3, 4, 5, 6, 7, 8, 9] };

export default function FilingsPage() {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const { data: me } = useMe();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [params, setParams] = useSearchParams();
  const status = (params.get('status') as ExamFilingStatus | null) ?? 'accepted';
  const semesters = useSemesters();
  const current = semesters.data?.find((s) => s.startDate <= today && today <= s.endDate) ?? semesters.data?.at(-1);
  const [picked, setPicked] = useState<string | undefined>();
  const semesterId = picked ?? current?.id;
  const list = useFilings({ semesterId, status }, !!semesterId);
  const rules = useExamRules();
  const { cancel } = useFilingWrites();
  const [drawer, setDrawer] = useState<{ editing: ExamFiling | null } | null>(null);
  const school = hasRole(me, 'school_admin') ? me?.schools[0] : undefined;
  const isDistrict = hasRole(me, 'district_admin');
  const grades = school ? (GRADES_OF[school.type] ?? GRADES_OF.nine_year!) : GRADES_OF.nine_year!;
  const mayFile = can(me, 'exams.file') && (!!school || isDistrict);

  return (
    <div data-testid="filings-page">
      <PageHeader
        title={t('exams.filings.title')}
        sub={t('exams.filings.sub')}
        extra={
          mayFile && (
            <Button type="primary" onClick={() => setDrawer({ editing: null })} data-testid="filing-new">
              {t('exams.filings.new')}
            </Button>
          )
        }
      />
      <QueryError error={list.error ?? semesters.error} />
      <Collapse
        size="small"
        style={{ marginBottom: 12 }}
        items={[
          {
            key: 'rules',
            label: t('exams.filings.rules'),
            children: (
              <Flex vertical gap={6} data-testid="exam-rules">
                {rules.data?.rules.map((r) => <ExamCitation key={r.rule} citation={r.citation} />)}
              </Flex>
            ),
          },
        ]}
      />
      <Card size="small">
        <Flex justify="space-between" wrap gap={8}>
          <Tabs
            activeKey={status}
            onChange={(k) => setParams(k === 'accepted' ? {} : { status: k })}
            items={(['accepted', 'refused', 'cancelled'] as const).map((k) => ({ key: k, label: t(`exams.filings.tab.${k}`) }))}
          />
          <Select style={{ width: 220 }} value={semesterId} onChange={setPicked} options={semesters.data?.map((s) => ({ value: s.id, label: s.name }))} />
        </Flex>
        <Table<ExamFiling>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data?.items}
          scroll={{ x: 900 }}
          pagination={{ pageSize: 30, hideOnSinglePage: true }}
          locale={{ emptyText: t('exams.filings.empty') }}
          onRow={(r) => ({ 'data-testid': `filing-row-${r.status}` }) as object}
          columns={[
            { title: t('exams.filings.date'), dataIndex: 'date', width: 110 },
            ...(school ? [] : [{ title: t('exams.filings.school'), dataIndex: 'schoolName', width: 160 }]),
            {
              title: t('exams.filings.name'),
              key: 'name',
              render: (_, r) => (
                <>
                  {r.name}
                  {r.amendsId && <Typography.Text type="secondary"> {t('exams.filings.amends')}</Typography.Text>}
                </>
              ),
            },
            { title: t('exams.filings.grades'), key: 'grades', width: 140, render: (_, r) => r.grades.map((g) => t('exams.filings.grade', { g })).join('、') },
            { title: t('exams.filings.subjects'), key: 'subjects', width: 160, render: (_, r) => r.subjects.map((s) => s.name).join('、') },
            { title: t('exams.filings.type'), key: 'type', width: 110, render: (_, r) => examTypeLabels[r.type][locale] },
            { title: t('exams.filings.form'), key: 'form', width: 110, render: (_, r) => <Tag color={r.form === 'paper' ? 'blue' : 'green'}>{examFormLabels[r.form][locale]}</Tag> },
            ...(status === 'refused'
              ? [{ title: t('exams.filings.findings'), key: 'findings', width: 360, render: (_: unknown, r: ExamFiling) => <ExamFindings findings={r.findings} compact /> }]
              : []),
            { title: t('exams.filings.filedBy'), dataIndex: 'filedBy', width: 90 },
            {
              title: '',
              key: 'actions',
              width: 120,
              render: (_, r) =>
                r.editable && (
                  <Flex gap={4}>
                    <Button size="small" type="link" onClick={() => setDrawer({ editing: r })}>
                      {t('exams.filings.edit')}
                    </Button>
                    <Popconfirm title={t('exams.filings.cancelConfirm')} onConfirm={() => cancel.mutate(r.id, { onSuccess: () => toast.success(t('exams.filings.cancelled')), onError: (e) => toast.error(e.message) })}>
                      <Button size="small" type="link" danger>
                        {t('exams.filings.cancel')}
                      </Button>
                    </Popconfirm>
                  </Flex>
                ),
            },
          ]}
        />
      </Card>
      <FilingDrawer
        open={!!drawer}
        onClose={() => setDrawer(null)}
        schoolId={school?.id ?? null}
        grades={grades}
        semesters={semesters.data ?? []}
        semesterId={semesterId}
        today={today}
        editing={drawer?.editing ?? null}
      />
    </div>
  );
}
