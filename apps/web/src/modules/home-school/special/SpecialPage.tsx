/**
 * 特殊学生关爱: the register of the pupils with a sensitive flag the user may read (their class, their school as
 * administrator or care staff, the district), with the file's state, the last care and this semester's home visits
 * against the district's minimum for these pupils. One page at a time: the server filters (school, class, need, file,
 * name), orders and counts, and audits each page read.
 */
import './messages';
import { SPECIAL_FLAGS, type SpecialFlag, type SpecialStudent } from '@shuangjian/contracts';
import { Alert, Card, Grid, Flex, Input, Pagination, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { FlagTags } from './FlagTags';
import { useSpecialList } from './queries';
import { RegisterCards } from './RegisterCards';
import { Refusal } from './Refusal';

type FileFilter = 'all' | 'open' | 'none';
const PAGE_SIZE = 50;
const asFlag = (v: string | null): SpecialFlag | undefined => SPECIAL_FLAGS.find((f) => f === v);

export default function SpecialPage() {
  const { t } = useI18n();
  const phone = !Grid.useBreakpoint().md;
  // the filters and the page live in the address, so going back to the register finds the same page
  const [params, setParams] = useSearchParams();
  const flag = asFlag(params.get('flag'));
  const schoolId = params.get('school') ?? undefined;
  const classId = params.get('class') ?? undefined;
  const file: FileFilter = params.get('file') === 'open' ? 'open' : params.get('file') === 'none' ? 'none' : 'all';
  const q = params.get('q') ?? undefined;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  const set = (values: Record<string, string | undefined>) =>
    setParams(
      (p) => {
        const n = new URLSearchParams(p);
        for (const [key, value] of Object.entries(values)) {
          if (value && value !== 'all') n.set(key, value);
          else n.delete(key);
        }
        if (!('page' in values)) n.delete('page');
        return n;
      },
      { replace: true },
    );
  const list = useSpecialList({ schoolId, classId, flag, hasFile: file === 'all' ? undefined : file === 'open' ? 'true' : 'false', q, page, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const min = list.data?.specialMin ?? 0;
  const below = list.data?.belowMin ?? 0;
  const facets = list.data?.classes;
  const schools = useMemo(() => [...new Map((facets ?? []).map((c) => [c.schoolId, c.schoolName]))].map(([value, label]) => ({ value, label })), [facets]);
  const severalSchools = schools.length > 1;
  const classes = useMemo(
    () => (facets ?? []).filter((c) => !schoolId || c.schoolId === schoolId).map((c) => ({ value: c.id, label: severalSchools && !schoolId ? `${c.schoolName} ${c.name}` : c.name })),
    [facets, severalSchools, schoolId],
  );
  const onPage = (p: number) => set({ page: p > 1 ? String(p) : undefined });

  if (list.error instanceof ApiError && list.error.status === 403)
    return <Refusal testId="special-refused" title={t('hs.special.refused')} sub={t('hs.special.refusedSub')} />;

  return (
    <>
      <PageHeader title={t('menu.homeSchool.special')} sub={t('hs.special.sub')} />
      <QueryError error={list.error} />
      {list.data && (
        <Alert
          type={below ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="special-rule"
          title={`${t('hs.special.rule', { n: min, version: list.data.policyVersions ?? t('hs.special.ruleDefault') })}：${below ? t('hs.special.belowRule', { n: below }) : t('hs.special.allMet')}`}
        />
      )}
      <Card size="small" style={{ marginBottom: 12 }}>
        <Flex gap={8} wrap align="center">
          <Select<SpecialFlag | 'all'>
            aria-label={t('hs.special.filterFlag')}
            value={flag ?? 'all'}
            onChange={(v) => set({ flag: v })}
            style={{ minWidth: 130 }}
            data-testid="special-flag"
            options={[{ value: 'all', label: t('hs.special.allFlags') }, ...SPECIAL_FLAGS.map((f) => ({ value: f, label: t(`hs.special.flag.${f}`) }))]}
          />
          {severalSchools && (
            <Select
              aria-label={t('hs.special.filterSchool')}
              value={schoolId ?? 'all'}
              onChange={(v) => set({ school: v, class: undefined })}
              style={{ minWidth: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="special-school"
              options={[{ value: 'all', label: t('hs.special.allSchools') }, ...schools]}
            />
          )}
          <Select
            aria-label={t('hs.special.filterClass')}
            value={classId ?? 'all'}
            onChange={(v) => set({ class: v })}
            style={{ minWidth: 150 }}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="special-class"
            options={[{ value: 'all', label: t('hs.special.allClasses') }, ...classes]}
          />
          <Select<FileFilter>
            aria-label={t('hs.special.filterFile')}
            value={file}
            onChange={(v) => set({ file: v })}
            style={{ minWidth: 110 }}
            data-testid="special-file-filter"
            options={[
              { value: 'all', label: `${t('hs.special.filterFile')}：${t('hs.special.allFiles')}` },
              { value: 'open', label: t('hs.special.hasFile') },
              { value: 'none', label: t('hs.special.noFile') },
            ]}
          />
          <Input.Search
            key={q ?? ''}
            allowClear
            defaultValue={q}
            maxLength={50}
            placeholder={t('hs.special.search')}
            aria-label={t('hs.special.search')}
            onSearch={(v) => set({ q: v.trim() || undefined })}
            style={{ width: 180 }}
            data-testid="special-search"
          />
          <Typography.Text type="secondary" data-testid="special-count">
            {t('hs.special.count', { n: total })}
          </Typography.Text>
        </Flex>
      </Card>
      {phone && list.data && (
        <>
          <RegisterCards items={items} min={min} withSchool={severalSchools} />
          <Pagination simple current={page} pageSize={PAGE_SIZE} total={total} hideOnSinglePage onChange={onPage} style={{ marginTop: 12, textAlign: 'center' }} />
        </>
      )}
      {!phone && (
        <Table<SpecialStudent>
          rowKey="studentId"
          size="middle"
          data-testid="special-table"
          loading={list.isFetching}
          dataSource={items}
          scroll={{ x: severalSchools ? 1010 : 840 }}
          pagination={{ current: page, pageSize: PAGE_SIZE, total, hideOnSinglePage: true, showSizeChanger: false, showTotal: (n) => t('common.total', { n }), onChange: onPage }}
          locale={{ emptyText: t('hs.special.none') }}
          columns={[
            {
              title: t('hs.special.col.name'),
              key: 'name',
              fixed: 'left',
              width: 110,
              render: (_: unknown, s) =>
                s.name.includes('*') ? (
                  <Tooltip title={t('hs.special.masked')}>
                    <Typography.Text>{s.name}</Typography.Text>
                  </Tooltip>
                ) : (
                  <Link to={`/home-school/special/${s.studentId}`}>{s.name}</Link>
                ),
            },
            ...(severalSchools ? [{ title: t('hs.special.col.school'), dataIndex: 'schoolName', width: 170 }] : []),
            { title: t('hs.special.col.class'), dataIndex: 'className', width: 120 },
            { title: t('hs.special.col.flags'), key: 'flags', width: 190, render: (_: unknown, s) => <FlagTags flags={s.flags} /> },
            {
              title: t('hs.special.col.file'),
              key: 'file',
              width: 90,
              render: (_: unknown, s) => (s.hasFile ? <Tag color="green">{t('hs.special.hasFile')}</Tag> : <Tag color="red">{t('hs.special.noFile')}</Tag>),
            },
            {
              title: t('hs.special.col.standIn'),
              key: 'standIn',
              width: 100,
              render: (_: unknown, s) => s.standInName ?? (s.flags.leftBehind ? <Typography.Text type="danger">{t('hs.special.plan.noStandIn')}</Typography.Text> : '—'),
            },
            {
              title: t('hs.special.col.lastCare'),
              dataIndex: 'lastCareDate',
              width: 110,
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('hs.special.col.visits'),
              dataIndex: 'visitsThisSemester',
              width: 120,
              render: (n: number) => (
                <Tag color={n < min ? 'red' : 'green'} data-testid="special-visits">
                  {n} / {min}
                </Tag>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
