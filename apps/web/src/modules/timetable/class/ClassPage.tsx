/**
 * A class's timetable: the grid editor for the school (教务处, a grade leader) with the live check against the plan,
 * save and publish (晒课表; refused while a subject is short); the published version and its history for everyone.
 */
import '../messages';
import type { TimetableCell } from '@shuangjian/contracts';
import { checkTimetable, type TimetablePlan } from '@shuangjian/policy';
import { Alert, Button, Card, Flex, Space, Tag, Timeline, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { can, useMe, useTimeZone } from '../../../app/auth';
import { formatDateTime } from '../../../components/format';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { TimetableGrid } from '../Grid';
import { useClassTimetable, useTimetableWrites } from '../queries';
import { CheckPanel } from './CheckPanel';
import { EditorGrid } from './EditorGrid';

export default function ClassPage() {
  const { t } = useI18n();
  const { classId } = useParams();
  const { data: me } = useMe();
  const zone = useTimeZone();
  const message = useMessage();
  const q = useClassTimetable(classId);
  const writes = useTimetableWrites();
  const data = q.data;
  // edits belong to the version of the timetable they started from; a saved or published one starts afresh
  const [edit, setEdit] = useState<{ key: string; cells: TimetableCell[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const key = data ? `${data.classId}|${data.draft?.updatedAt ?? ''}|${data.published?.version ?? 0}` : '';
  const cells = useMemo(() => (data ? (edit?.key === key ? edit.cells : (data.draft?.cells ?? data.published?.cells ?? [])) : null), [data, edit, key]);
  const setCells = (next: TimetableCell[]) => setEdit({ key, cells: next });
  const editable = !!me && can(me, 'timetable.manage');
  const check = useMemo(() => {
    if (!data || !cells) return null;
    const r = data.rules;
    const plan = { grades: [{ grade: r.grade, weeklyTotal: r.weeklyTotal, subjects: r.subjects, labPeriods: r.labPeriods }] } as TimetablePlan;
    return checkTimetable(plan, r.grade, cells, {
      planRef: { version: r.planVersion, effectiveFrom: r.planEffectiveFrom },
      checksRef: { version: r.checksVersion, effectiveFrom: r.checksEffectiveFrom },
      flagCoreSurplus: r.flagCoreSurplus,
    });
  }, [data, cells]);
  if (q.isLoading) return <PageSpinner />;
  if (q.error) return <QueryError error={q.error} />;
  if (!data || !cells || !check) return null;
  const dirty = JSON.stringify([...cells].sort((a, b) => a.day - b.day || a.period - b.period)) !== JSON.stringify(data.draft?.cells ?? data.published?.cells ?? []);
  const planVersion = `timetable.plan ${data.rules.planVersion ? t('timetable.version', { v: data.rules.planVersion }) : t('timetable.default')}`;

  const run = async (what: 'save' | 'publish') => {
    setBusy(true);
    setRefusal(null);
    try {
      if (what === 'save' || dirty) await writes.save(data.classId, data.semester.id, cells);
      if (what === 'publish') await writes.publish(data.classId, data.semester.id);
      message.success(t(what === 'save' ? 'timetable.saved' : 'timetable.publishedOk'));
    } catch (e) {
      setRefusal(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Flex vertical gap={12}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {data.schoolName} · {data.className}
        </Typography.Title>
        <Space wrap>
          <Typography.Text type="secondary">{data.semester.name}</Typography.Text>
          {data.published ? <Tag color="green">{t('timetable.publishedV', { v: data.published.version })}</Tag> : <Tag>{t('timetable.status.none')}</Tag>}
          {data.unpublishedChanges && <Tag color="orange">{t('timetable.unpublished')}</Tag>}
          <Link to="/timetable/school">{t('timetable.back')}</Link>
        </Space>
      </Flex>
      {editable ? (
        <>
          <Card size="small" title={t('timetable.editor')} extra={<Typography.Text type="secondary">{t('timetable.editorHint', { days: data.rules.daysPerWeek, periods: data.rules.periodsPerDay })}</Typography.Text>}>
            <EditorGrid cells={cells} days={data.rules.daysPerWeek} periods={data.rules.periodsPerDay} onChange={setCells} />
            <Flex gap={8} style={{ marginTop: 12 }} wrap>
              <Button onClick={() => void run('save')} loading={busy} disabled={!dirty} data-testid="timetable-save">
                {t('timetable.save')}
              </Button>
              <Button type="primary" onClick={() => void run('publish')} loading={busy} disabled={!check.compliant || (!dirty && !data.unpublishedChanges)} data-testid="timetable-publish">
                {t('timetable.publish')}
              </Button>
              {!check.compliant && <Typography.Text type="danger">{t('timetable.cannotPublish')}</Typography.Text>}
            </Flex>
            {refusal && <Alert style={{ marginTop: 12 }} type="error" showIcon title={refusal} data-testid="timetable-refusal" />}
          </Card>
          <CheckPanel check={check} planVersion={planVersion} />
        </>
      ) : (
        <Card size="small" title={t('timetable.publishedTitle')}>
          {data.published ? <TimetableGrid cells={data.published.cells} days={data.rules.daysPerWeek} periods={data.rules.periodsPerDay} /> : <Typography.Text type="secondary">{t('timetable.noneYet')}</Typography.Text>}
        </Card>
      )}
      {!!data.versions.length && (
        <Card size="small" title={t('timetable.history')}>
          <Timeline
            items={data.versions.map((v) => ({
              content: t('timetable.versionLine', { v: v.version, at: formatDateTime(v.publishedAt, zone), by: v.publishedByName }),
            }))}
          />
        </Card>
      )}
    </Flex>
  );
}
