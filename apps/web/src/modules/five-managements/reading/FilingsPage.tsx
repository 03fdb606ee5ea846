/**
 * 进校读物登记: the school files what it brings into school each semester (one by one or from Excel), each checked
 * against the district's lists — a negative-list hit is flagged, naming the entry and its reason, and goes to the
 * school's self-check; a 教辅 not on the recommended list is to be reviewed. The district sees every school.
 */
import { PlusOutlined } from '@ant-design/icons';
import type { ReadingFiling, ReadingStatus } from '@shuangjian/contracts';
import { Alert, Button, Card, Col, Flex, Input, Row, Select } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { can, useMe } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { Figure } from '../../../components/Figure';
import { useEditDialog } from '../../../components/FormModal';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { CheckResult } from './CheckResult';
import { FilingDialog, gradesOfSchool } from './FilingDialog';
import { FilingsTable } from './FilingsTable';
import { ImportBox } from './ImportBox';
import { type FilingBody, filingTemplateUrl, useFilings, useReadingSemesters, useReadingWrites, useSummary } from './queries';
import { SchoolsSummary } from './SchoolsSummary';

export default function FilingsPage() {
  const { t } = useI18n();
  const toast = useMessage();
  const { data: me } = useMe();
  const mayFile = can(me, 'five-managements.school');
  const school = mayFile ? me?.schools[0] : undefined;
  const writes = useReadingWrites();
  const semesters = useReadingSemesters();
  const [params, setParams] = useSearchParams();
  const filters = {
    schoolId: params.get('schoolId') ?? undefined,
    semesterId: params.get('semesterId') ?? undefined,
    status: (params.get('status') as ReadingStatus | null) ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page')) || 1,
  };
  const set = (values: Record<string, string | undefined>) =>
    setParams((p) => {
      const n = new URLSearchParams(p);
      for (const [k, v] of Object.entries(values)) {
        if (v) n.set(k, v);
        else n.delete(k);
      }
      if (!('page' in values)) n.delete('page');
      return n;
    });
  const filings = useFilings(filters);
  const summary = useSummary(filters.semesterId);
  const semesterId = filters.semesterId ?? filings.data?.semesterId;
  const [last, setLast] = useState<ReadingFiling | null>(null);
  const dialog = useEditDialog<ReadingFiling, FilingBody>({
    save: async (v, row) => {
      const body = { ...v, isbn: v.isbn || null, publisher: v.publisher || null };
      const saved = row === 'new' ? await writes.file({ ...body, schoolId: school!.id, semesterId }) : await writes.updateFiling(row.id, body);
      setLast(saved);
      return saved;
    },
    fill: (row) => (row === 'new' ? { kind: 'extracurricular', source: 'library', copies: 1, grades: [] } : { ...row }),
    onSaved: () => undefined,
  });
  const remove = async (f: ReadingFiling) => {
    try {
      await writes.deleteFiling(f.id);
      toast.success(t('five.reading.deleted'));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    }
  };
  const totals = (summary.data?.schools ?? []).filter((s) => !filters.schoolId || s.schoolId === filters.schoolId);
  const sum = (k: 'filings' | 'flagged' | 'warnings') => totals.reduce((a, s) => a + s[k], 0);
  const manySchools = (summary.data?.schools.length ?? 0) > 1;

  return (
    <div data-testid="reading-filings-page">
      <PageHeader
        title={t('menu.five.readingFilings')}
        sub={mayFile ? t('five.reading.filings.sub') : t('five.reading.filings.subDistrict')}
        extra={
          <Select
            style={{ width: 230 }}
            aria-label={t('five.reading.semester')}
            value={semesterId}
            onChange={(v: string) => set({ semesterId: v })}
            options={(semesters.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
          />
        }
      />
      <Flex vertical gap={16}>
        <Row gutter={[12, 12]}>
          <Col xs={8}>
            <Figure title={t('five.reading.fig.filings')} value={sum('filings')} note={t('five.reading.fig.filingsNote')} loading={summary.isLoading} testId="reading-fig-filings" />
          </Col>
          <Col xs={8}>
            <Figure title={t('five.reading.fig.flagged')} value={sum('flagged')} color={sum('flagged') ? '#cf1322' : undefined} note={t('five.reading.fig.flaggedNote')} loading={summary.isLoading} testId="reading-fig-flagged" />
          </Col>
          <Col xs={8}>
            <Figure title={t('five.reading.fig.warnings')} value={sum('warnings')} note={t('five.reading.fig.warningsNote')} loading={summary.isLoading} testId="reading-fig-warnings" />
          </Col>
        </Row>
        {manySchools && (
          <Card size="small" title={t('five.reading.summary.title')}>
            <SchoolsSummary summary={summary.data} loading={summary.isLoading} onPick={(id) => set({ schoolId: id })} />
          </Card>
        )}
        {school && (
          <Card size="small">
            <Flex gap={8} wrap align="start">
              <Button type="primary" icon={<PlusOutlined />} onClick={() => dialog.open('new')} data-testid="reading-file">
                {t('five.reading.file')}
              </Button>
              <ImportBox
                label={t('five.reading.import')}
                templateUrl={filingTemplateUrl()}
                run={(file) => writes.importFilings(school.id, semesterId, file)}
                describe={(r) => t('five.reading.filingsImported', { rows: r.rows, filed: r.filed, duplicates: r.duplicates, flagged: r.flagged.length, warnings: r.warnings })}
                testId="reading-filings"
              />
            </Flex>
            {last && (
              <Alert
                style={{ marginTop: 12 }}
                closable
                onClose={() => setLast(null)}
                type={last.status === 'flagged' ? 'error' : last.status === 'warning' ? 'warning' : 'success'}
                showIcon
                data-testid="reading-filed"
                title={last.status === 'flagged' ? t('five.reading.filed.flagged', { title: last.check.negative!.title }) : t(`five.reading.filed.${last.status}`)}
                description={<CheckResult check={last.check} />}
              />
            )}
          </Card>
        )}
        <Card size="small">
          <Flex gap={8} wrap style={{ marginBottom: 12 }}>
            {manySchools && (
              <Select allowClear style={{ width: 200 }} placeholder={t('five.reading.allSchools')} value={filters.schoolId} onChange={(v) => set({ schoolId: v })}
                options={summary.data!.schools.map((s) => ({ value: s.schoolId, label: s.schoolName }))} />
            )}
            <Select allowClear style={{ width: 140 }} placeholder={t('five.reading.allStatuses')} value={filters.status} onChange={(v) => set({ status: v })}
              options={(['flagged', 'warning', 'ok'] as const).map((s) => ({ value: s, label: t(`five.reading.status.${s}`) }))} />
            <Input.Search allowClear style={{ flex: '1 1 200px', maxWidth: 300 }} placeholder={t('five.reading.search')} defaultValue={filters.q} onSearch={(v) => set({ q: v.trim() || undefined })} />
          </Flex>
          <QueryError error={filings.error} />
          <FilingsTable
            rows={filings.data?.items}
            total={filings.data?.total ?? 0}
            page={filters.page}
            loading={filings.isLoading}
            showSchool={manySchools}
            onPage={(page) => set({ page: String(page) })}
            onEdit={school ? (f) => dialog.open(f) : undefined}
            onDelete={school ? (f) => void remove(f) : undefined}
          />
        </Card>
      </Flex>
      {school && <FilingDialog grades={gradesOfSchool(school.type)} isNew={dialog.editing === 'new'} modal={dialog.modal} />}
    </div>
  );
}
