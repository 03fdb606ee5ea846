/**
 * Roster spreadsheets of a school: template, export, check (dry run) and import. An import writes every row or none:
 * on any bad row the server answers each (row, column, reason) and they are listed here.
 */
import { CheckCircleOutlined, CloudUploadOutlined, DownloadOutlined, ExportOutlined, FileSearchOutlined } from '@ant-design/icons';
import { type ImportResult, ROSTER_ENTITIES, type RosterEntity, type RowError } from '@shuangjian/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Radio, Space, Table, Typography, Upload, type UploadProps } from 'antd';
import { useState } from 'react';
import type { z } from 'zod';
import { api, ApiError, ensureStepUp, qs } from '../../app/api';
import { useT } from '../../app/i18n';
import { PageHeader } from '../../components/PageHeader';
import { CredentialsTable } from './CredentialsModal';
import { SchoolSelect, useUrlFilters } from './filters';
import { useSchools } from './queries';

type Outcome =
  | { kind: 'ok'; dryRun: boolean; fileName: string; result: z.infer<typeof ImportResult> }
  | { kind: 'invalid'; dryRun: boolean; fileName: string; message: string; rows?: number; errors: RowError[] }
  | { kind: 'error'; dryRun: boolean; fileName: string; message: string };

const isEntity = (v: string | undefined): v is RosterEntity => !!v && (ROSTER_ENTITIES as readonly string[]).includes(v);

export default function RosterPage() {
  const t = useT();
  const client = useQueryClient();
  const schools = useSchools();
  const [filters, setFilters] = useUrlFilters('schoolId', 'entity');
  const schoolId = filters.schoolId ?? schools.data?.[0]?.id;
  const entity: RosterEntity = isEntity(filters.entity) ? filters.entity : 'classes';
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [checked, setChecked] = useState<File | null>(null);
  const [busy, setBusy] = useState<'check' | 'import' | null>(null);

  const send = async (file: File, dryRun: boolean) => {
    if (!schoolId) return;
    setBusy(dryRun ? 'check' : 'import');
    setOutcome(null);
    const body = new FormData();
    body.append('file', file, file.name);
    try {
      const result = await api.post<z.infer<typeof ImportResult>>(`/api/roster/${entity}/import${qs({ schoolId, dryRun: dryRun ? 1 : undefined })}`, body);
      setOutcome({ kind: 'ok', dryRun, fileName: file.name, result });
      setChecked(dryRun ? file : null);
      if (!dryRun) for (const key of ['classes', 'students', 'staff', 'schools', 'org-overview']) void client.invalidateQueries({ queryKey: [key] });
    } catch (e) {
      setChecked(null);
      if (e instanceof ApiError && e.code === 'IMPORT_INVALID') {
        const details = e.details as { rows?: number; errors?: RowError[] } | undefined;
        setOutcome({ kind: 'invalid', dryRun, fileName: file.name, message: e.message, rows: details?.rows, errors: details?.errors ?? [] });
      } else setOutcome({ kind: 'error', dryRun, fileName: file.name, message: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(null);
    }
  };

  const uploader = (dryRun: boolean): UploadProps => ({
    accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    showUploadList: false,
    multiple: false,
    disabled: !schoolId || busy !== null,
    customRequest: ({ file, onSuccess, onError }) => {
      if (!(file instanceof File)) return;
      send(file, dryRun).then(
        () => onSuccess?.(null),
        (e: unknown) => onError?.(e instanceof Error ? e : new Error(String(e))),
      );
    },
  });

  const fileUrl = (kind: 'template' | 'export') => (schoolId ? `/api/roster/${entity}/${kind}${qs({ schoolId })}` : undefined);

  return (
    <>
      <PageHeader title={t('menu.roster')} />
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small">
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Flex wrap gap={8} align="center">
              <SchoolSelect
                value={schoolId}
                onChange={(id) => {
                  setFilters({ schoolId: id });
                  setOutcome(null);
                  setChecked(null);
                }}
              />
              <Radio.Group
                optionType="button"
                buttonStyle="solid"
                value={entity}
                onChange={(e) => {
                  setFilters({ entity: e.target.value as RosterEntity });
                  setOutcome(null);
                  setChecked(null);
                }}
                options={ROSTER_ENTITIES.map((e) => ({ value: e, label: t(`org.roster.entity.${e}`) }))}
                data-testid="roster-entity"
              />
            </Flex>
            <Typography.Text type="secondary">{t(`org.roster.hint.${entity}`)}</Typography.Text>
            <Flex wrap gap={8}>
              <Button icon={<DownloadOutlined />} href={fileUrl('template')} download disabled={!schoolId}>
                {t('org.roster.template')}
              </Button>
              <Button
                icon={<ExportOutlined />}
                href={fileUrl('export')}
                download
                disabled={!schoolId}
                onClick={(e) => {
                  // a bulk export of pupils' data asks for a recent second-factor code first
                  const url = fileUrl('export');
                  e.preventDefault();
                  void ensureStepUp().then((go) => {
                    if (go && url) window.location.assign(url);
                  });
                }}
              >
                {t('org.roster.export')}
              </Button>
              <span data-testid="roster-check">
                <Upload {...uploader(true)}>
                  <Button icon={<FileSearchOutlined />} loading={busy === 'check'}>
                    {t('org.roster.check')}
                  </Button>
                </Upload>
              </span>
              <span data-testid="roster-import">
                <Upload {...uploader(false)}>
                  <Button type="primary" icon={<CloudUploadOutlined />} loading={busy === 'import'}>
                    {t('org.roster.import')}
                  </Button>
                </Upload>
              </span>
            </Flex>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('org.roster.allOrNothing')}
            </Typography.Text>
          </Space>
        </Card>

        {outcome?.kind === 'invalid' && (
          <Card size="small" title={t('org.roster.errorsTitle', { file: outcome.fileName })}>
            <Alert
              type="error"
              showIcon
              title={outcome.message}
              description={outcome.rows !== undefined ? t('org.roster.errorsSummary', { rows: outcome.rows, n: outcome.errors.length }) : undefined}
              style={{ marginBottom: 12 }}
              data-testid="import-message"
            />
            <Table<RowError & { key: number }>
              data-testid="import-errors"
              size="small"
              rowKey="key"
              dataSource={outcome.errors.map((e, key) => ({ ...e, key }))}
              pagination={outcome.errors.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
              scroll={{ x: 480 }}
              columns={[
                { title: t('org.roster.row'), dataIndex: 'row', width: 70, align: 'right' },
                { title: t('org.roster.column'), dataIndex: 'column', width: 130 },
                { title: t('org.roster.reason'), dataIndex: 'message' },
              ]}
            />
          </Card>
        )}
        {outcome?.kind === 'error' && <Alert type="error" showIcon title={outcome.message} data-testid="import-message" />}
        {outcome?.kind === 'ok' && (
          <Card size="small" data-testid="import-result">
            <Alert
              type="success"
              showIcon
              icon={<CheckCircleOutlined />}
              title={outcome.dryRun ? t('org.roster.checkOk', { file: outcome.fileName }) : t('org.roster.importOk', { file: outcome.fileName })}
              style={{ marginBottom: 12 }}
              action={
                outcome.dryRun &&
                checked && (
                  <Button type="primary" size="small" onClick={() => void send(checked, false)} loading={busy === 'import'}>
                    {t('org.roster.importChecked')}
                  </Button>
                )
              }
            />
            <Descriptions
              size="small"
              column={{ xs: 1, sm: 3 }}
              items={[
                { key: 'rows', label: t('org.roster.rows'), children: outcome.result.rows },
                { key: 'created', label: outcome.dryRun ? t('org.roster.willCreate') : t('org.roster.created'), children: <span data-testid="import-created">{outcome.result.created}</span> },
                { key: 'updated', label: outcome.dryRun ? t('org.roster.willUpdate') : t('org.roster.updated'), children: <span data-testid="import-updated">{outcome.result.updated}</span> },
              ]}
            />
            {outcome.result.credentials.length > 0 && (
              <div style={{ marginTop: 12 }}>
                <Typography.Title level={5}>{t('org.roster.credentials')}</Typography.Title>
                <CredentialsTable credentials={outcome.result.credentials} />
              </div>
            )}
          </Card>
        )}
      </Space>
    </>
  );
}
