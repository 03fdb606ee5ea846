/**
 * 特殊学生关爱: the register of the pupils with a sensitive flag the user may read (their class, their school as
 * administrator or care staff, the district), with the file's state, the last care and this semester's home visits
 * against the district's minimum for these pupils.
 */
import './messages';
import type { SpecialStudent } from '@shuangjian/contracts';
import { Alert, Card, Grid, Flex, Select, Table, Tag, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { PageHeader } from '../../../components/PageHeader';
import { QueryError } from '../../../components/QueryError';
import { type Flag, FLAGS, FlagTags } from './FlagTags';
import { useSpecialList } from './queries';
import { RegisterCards } from './RegisterCards';
import { Refusal } from './Refusal';

type FileFilter = 'all' | 'open' | 'none';

const GRADES = '一二三四五六七八九';
/** 三年级(2)班 before 八年级(1)班: the grade's numeral, then the class's number. */
const byClass = (a: SpecialStudent, b: SpecialStudent) =>
  a.schoolName.localeCompare(b.schoolName, 'zh-CN') ||
  GRADES.indexOf(a.className[0] ?? '') - GRADES.indexOf(b.className[0] ?? '') ||
  a.className.localeCompare(b.className, 'zh-CN', { numeric: true }) ||
  a.name.localeCompare(b.name, 'zh-CN');

export default function SpecialPage() {
  const { t } = useI18n();
  const list = useSpecialList();
  const phone = !Grid.useBreakpoint().md;
  const [flag, setFlag] = useState<Flag | 'all'>('all');
  const [school, setSchool] = useState<string>('all');
  const [classId, setClassId] = useState<string>('all');
  const [file, setFile] = useState<FileFilter>('all');
  const items = useMemo(() => [...(list.data?.items ?? [])].sort(byClass), [list.data]);
  const min = list.data?.specialMin ?? 0;
  const schools = [...new Set(items.map((s) => s.schoolName))];
  const severalSchools = schools.length > 1;
  const classes = useMemo(() => {
    const seen = new Map<string, string>();
    for (const s of items) if ((school === 'all' || s.schoolName === school) && !seen.has(s.classId)) seen.set(s.classId, severalSchools && school === 'all' ? `${s.schoolName} ${s.className}` : s.className);
    return [...seen].map(([value, label]) => ({ value, label }));
  }, [items, severalSchools, school]);
  const shown = items.filter(
    (s) => (flag === 'all' || s.flags[flag]) && (school === 'all' || s.schoolName === school) && (classId === 'all' || s.classId === classId) && (file === 'all' || (file === 'open') === s.hasFile),
  );
  const below = items.filter((s) => s.visitsThisSemester < min).length;

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
          <Select<Flag | 'all'>
            aria-label={t('hs.special.filterFlag')}
            value={flag}
            onChange={setFlag}
            style={{ minWidth: 130 }}
            data-testid="special-flag"
            options={[{ value: 'all', label: t('hs.special.allFlags') }, ...FLAGS.map((f) => ({ value: f, label: t(`hs.special.flag.${f}`) }))]}
          />
          {severalSchools && (
            <Select
              aria-label={t('hs.special.filterSchool')}
              value={school}
              onChange={(v) => (setSchool(v), setClassId('all'))}
              style={{ minWidth: 180 }}
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="special-school"
              options={[{ value: 'all', label: t('hs.special.allSchools') }, ...schools.sort((a, b) => a.localeCompare(b, 'zh-CN')).map((n) => ({ value: n, label: n }))]}
            />
          )}
          <Select
            aria-label={t('hs.special.filterClass')}
            value={classId}
            onChange={setClassId}
            style={{ minWidth: 150 }}
            showSearch={{ optionFilterProp: 'label' }}
            data-testid="special-class"
            options={[{ value: 'all', label: t('hs.special.allClasses') }, ...classes]}
          />
          <Select<FileFilter>
            aria-label={t('hs.special.filterFile')}
            value={file}
            onChange={setFile}
            style={{ minWidth: 110 }}
            data-testid="special-file-filter"
            options={[
              { value: 'all', label: `${t('hs.special.filterFile')}：${t('hs.special.allFiles')}` },
              { value: 'open', label: t('hs.special.hasFile') },
              { value: 'none', label: t('hs.special.noFile') },
            ]}
          />
          <Typography.Text type="secondary">{t('hs.special.count', { n: shown.length })}</Typography.Text>
        </Flex>
      </Card>
      {phone && list.data && <RegisterCards items={shown} min={min} withSchool={severalSchools} />}
      {!phone && (
        <Table<SpecialStudent>
          rowKey="studentId"
          size="middle"
          data-testid="special-table"
          loading={list.isFetching}
          dataSource={shown}
          scroll={{ x: severalSchools ? 1010 : 840 }}
          pagination={{ pageSize: 50, hideOnSinglePage: true, showTotal: (n) => t('common.total', { n }) }}
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
              sorter: (a, b) => (a.lastCareDate ?? '').localeCompare(b.lastCareDate ?? ''),
              render: (v: string | null) => v ?? '—',
            },
            {
              title: t('hs.special.col.visits'),
              dataIndex: 'visitsThisSemester',
              width: 120,
              sorter: (a, b) => a.visitsThisSemester - b.visitsThisSemester,
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
