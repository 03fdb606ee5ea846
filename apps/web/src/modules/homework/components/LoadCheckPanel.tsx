/**
 * 作业量预检 while homework is being set: for each target class and day, everything already set by all subjects against
 * the grade's limit, what this item adds, the other items, and every rule the day would break with the version of the
 * district's rule that applied.
 */
import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Alert, Button, Card, Empty, Flex, List, Spin, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { RuleCitations } from '../policies/citation';
import { LoadBar } from './LoadBar';
import { LoadFigures, ViolationList } from './LoadFigures';
import { formatDay, type LoadEntryRow } from './model';
import { DayKindTag, ItemStatusTag, TypeTag } from './tags';

const SHOW_ALL_UP_TO = 6;

/** Minutes this item may take on the entry's day and stay within the limit (null: it cannot fix the day alone). */
function fitMinutes(e: LoadEntryRow): number | null {
  const excess = e.check.written - e.check.limit;
  if (!e.check.over || e.check.noWrittenGrade || e.adds <= 0 || e.adds - excess < 1) return null;
  return e.adds - excess;
}

export function LoadCheckPanel({
  entries,
  loading,
  error,
  idle,
  onFit,
}: {
  entries: LoadEntryRow[] | undefined;
  loading: boolean;
  error?: string | null;
  idle: boolean;
  /** Set this item's minutes on a date to what fits the day (the form's own field). */
  onFit?: (date: string, minutes: number) => void;
}) {
  const { t, locale } = useI18n();
  const [showAll, setShowAll] = useState(false);
  const blocked = entries?.filter((e) => e.check.violations.length > 0) ?? [];
  const many = (entries?.length ?? 0) > SHOW_ALL_UP_TO;
  const shown = !entries ? [] : many && !showAll ? (blocked.length ? blocked : entries.slice(0, SHOW_ALL_UP_TO)) : entries;
  return (
    <Card
      size="small"
      title={t('hw.load.title')}
      extra={loading && <Spin size="small" />}
      data-testid="load-check"
      styles={{ body: { padding: 12 } }}
    >
      {idle && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('hw.load.idle')} />}
      {error && <Alert type="error" showIcon title={error} />}
      {!idle && entries && (
        <Flex vertical gap={12}>
          {blocked.length > 0 ? (
            <Alert
              type="error"
              showIcon
              icon={<WarningFilled />}
              data-testid="load-blocked"
              title={t('hwr.load.blocked', { n: blocked.length })}
              description={t('hwr.load.blockedHint')}
            />
          ) : (
            <Alert type="success" showIcon icon={<CheckCircleFilled />} title={t('hw.load.ok')} />
          )}
          {shown.map((e) => (
            <div
              key={`${e.classId}|${e.date}`}
              data-testid="load-entry"
              style={{ border: `1px solid ${e.check.violations.length ? '#ffa39e' : '#f0f0f0'}`, background: e.check.violations.length ? '#fff2f0' : undefined, borderRadius: 8, padding: 10 }}
            >
              <Flex justify="space-between" align="center" wrap gap={4} style={{ marginBottom: 6 }}>
                <Typography.Text strong>
                  {e.className} · {formatDay(e.date, locale)}
                </Typography.Text>
                <span>
                  <DayKindTag kind={e.check.dayKind} />
                  {e.check.over ? (
                    <Tag color="red">{t('hw.load.overBy', { n: e.check.written - e.check.limit })}</Tag>
                  ) : e.check.violations.length ? (
                    <Tag color="red">{t('hw.load.breaks')}</Tag>
                  ) : (
                    <Tag color="green">{t('hw.load.within')}</Tag>
                  )}
                </span>
              </Flex>
              <LoadBar limit={e.check.limit} written={e.check.written} adds={e.adds} testId="load-bar" legend />
              <div style={{ marginTop: 4 }}>
                <LoadFigures check={e.check} adds={e.adds} />
              </div>
              {e.items.length > 0 ? (
                <List
                  size="small"
                  split={false}
                  style={{ marginTop: 6 }}
                  dataSource={e.items}
                  renderItem={(i) => (
                    <List.Item style={{ padding: '2px 0' }}>
                      <Flex justify="space-between" wrap gap={4} style={{ width: '100%' }}>
                        <span>
                          <Typography.Text>{i.subjectName}</Typography.Text>
                          <Typography.Text type="secondary"> · {i.teacherName} · </Typography.Text>
                          <TypeTag type={i.type} />
                          {i.layer === 'extension' && <Tag color="purple">{t('hw.load.optionalShort')}</Tag>}
                          {i.place === 'school' && <Tag color="green">{t('hw.place.school')}</Tag>}
                        </span>
                        <span>
                          <Typography.Text strong>{t('hw.minutes', { n: i.minutes })}</Typography.Text> <ItemStatusTag status={i.status} />
                        </span>
                      </Flex>
                    </List.Item>
                  )}
                />
              ) : (
                <Typography.Text type="secondary" style={{ display: 'block', marginTop: 4 }}>
                  {t('hw.load.nothingElse')}
                </Typography.Text>
              )}
              <div style={{ marginTop: 6 }}>
                <ViolationList violations={e.check.violations} testId="load-violations" />
                <RuleCitations rules={e.check.violations.map((v) => v.rule)} cited={e.policyCited} testId="load-citation" />
              </div>
              {e.check.over && !e.check.noWrittenGrade && (
                <Flex wrap gap={8} align="center" style={{ marginTop: 6 }} data-testid="load-fix">
                  <Typography.Text>
                    {fitMinutes(e) !== null
                      ? t('hwr.load.fitThis', { n: fitMinutes(e)!, over: e.check.written - e.check.limit })
                      : t('hwr.load.cutNeeded', { n: e.check.written - e.check.limit })}
                  </Typography.Text>
                  {fitMinutes(e) !== null && onFit && (
                    <Button size="small" onClick={() => onFit(e.date, fitMinutes(e)!)} data-testid="load-fit">
                      {t('hwr.load.fitApply', { n: fitMinutes(e)! })}
                    </Button>
                  )}
                </Flex>
              )}
            </div>
          ))}
          {many && (
            <Button type="link" onClick={() => setShowAll(!showAll)} style={{ alignSelf: 'flex-start', padding: 0 }}>
              {showAll ? t('hw.load.showFewer') : t('hw.load.showAll', { n: entries.length })}
            </Button>
          )}
        </Flex>
      )}
    </Card>
  );
}
