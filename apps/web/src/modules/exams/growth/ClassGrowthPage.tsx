/**
 * 综合素质评价 for a class (teachers of the class; the school sees all its classes): who is complete and what each
 * pupil still lacks, in student-number order (nothing ranks pupils); the class teacher records for the whole class
 * and ticks the labour list.
 */
import { growthDimensionLabels } from '@shuangjian/contracts';
import { Button, Card, Empty, Flex, Progress, Select, Switch, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTimeZone } from '../../../app/auth';
import { useI18n } from '../../../app/i18n';
import { PageSpinner } from '../../../components/PageSpinner';
import { QueryError } from '../../../components/QueryError';
import { BulkEntryDialog } from './BulkEntryDialog';
import { LabourGridDrawer } from './LabourGridDrawer';
import { PupilDrawer } from './PupilDrawer';
import { useClassGrowth, useGrowthClasses } from './queries';

export default function ClassGrowthPage() {
  const { t, locale } = useI18n();
  const zone = useTimeZone();
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  const [semesterId, setSemesterId] = useState<string | undefined>();
  const [picked, setPicked] = useState<string | undefined>();
  const [onlyIncomplete, setOnlyIncomplete] = useState(false);
  const [dialog, setDialog] = useState<'bulk' | 'labour' | null>(null);
  const [pupil, setPupil] = useState<string | null>(null);
  const classes = useGrowthClasses(semesterId);
  const classId = picked ?? classes.data?.classes[0]?.id;
  const view = useClassGrowth(classId, semesterId);
  const v = view.data;
  const shown = v?.pupils.filter((p) => !onlyIncomplete || !p.complete) ?? [];
  return (
    <div style={{ maxWidth: 960, margin: '0 auto' }}>
      <Typography.Title level={4} style={{ marginTop: 0 }}>
        {t('menu.exams.growth')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('exams.growth.sub')}</Typography.Paragraph>
      {classes.error && <QueryError error={classes.error} />}
      {classes.data && !classes.data.classes.length && <Empty description={t('exams.growth.noClass')} />}
      {classes.data && classes.data.classes.length > 0 && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            style={{ flex: 1, minWidth: 180 }}
            value={classId}
            onChange={setPicked}
            aria-label={t('exams.growth.class')}
            options={classes.data.classes.map((c) => ({ value: c.id, label: `${c.schoolName} ${c.name}（${c.complete}/${c.total}）` }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
          <Select
            style={{ minWidth: 180 }}
            value={classes.data.semester.id}
            onChange={setSemesterId}
            aria-label={t('exams.growth.semester')}
            options={classes.data.semesters.map((s) => ({ value: s.id, label: s.name }))}
          />
        </Flex>
      )}
      {view.error && <QueryError error={view.error} />}
      {view.isLoading && <PageSpinner />}
      {v && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <div style={{ minWidth: 200, flex: 1 }}>
                <Typography.Text strong data-testid="growth-complete">
                  {t('exams.growth.completeOf', { complete: v.complete, total: v.total })}
                </Typography.Text>
                <Progress percent={v.total ? Math.round((v.complete / v.total) * 100) : 0} size="small" />
              </div>
              <Flex gap={8} wrap>
                {v.canBulk && (
                  <Button type="primary" onClick={() => setDialog('bulk')} data-testid="growth-bulk">
                    {t('exams.growth.bulk')}
                  </Button>
                )}
                {v.canBulk && (
                  <Button onClick={() => setDialog('labour')} data-testid="growth-labour">
                    {t('exams.growth.labourGrid')}
                  </Button>
                )}
              </Flex>
            </Flex>
            <Flex gap={8} align="center" style={{ marginTop: 8 }}>
              <Switch checked={onlyIncomplete} onChange={setOnlyIncomplete} size="small" data-testid="only-incomplete" />
              <Typography.Text>{t('exams.growth.onlyIncomplete')}</Typography.Text>
            </Flex>
          </Card>
          {onlyIncomplete && !shown.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('exams.growth.allComplete')} />}
          <Flex vertical gap={6}>
            {shown.map((p) => {
              const missing = [...p.missingDimensions.map((d) => growthDimensionLabels[d][locale]), ...(p.missingComment ? [t('exams.growth.missingComment')] : [])];
              return (
                <Card key={p.studentId} size="small" hoverable onClick={() => setPupil(p.studentId)} data-testid="growth-pupil">
                  <Flex justify="space-between" align="center" gap={8} wrap>
                    <div style={{ minWidth: 0 }}>
                      <Typography.Text strong>{p.name}</Typography.Text> <Typography.Text type="secondary">{p.studentNo}</Typography.Text>
                      <div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {t('exams.growth.skills', { sports: p.sportsSkills, sportsTarget: v.targets.sports, art: p.artSkills, artTarget: v.targets.art })}
                        </Typography.Text>
                      </div>
                    </div>
                    {p.complete ? <Tag color="green">{t('exams.growth.complete')}</Tag> : <Tag color="orange">{t('exams.growth.missing', { what: missing.join('、') })}</Tag>}
                  </Flex>
                </Card>
              );
            })}
          </Flex>
          <BulkEntryDialog view={v} open={dialog === 'bulk'} onClose={() => setDialog(null)} today={today} />
          <LabourGridDrawer view={v} open={dialog === 'labour'} onClose={() => setDialog(null)} today={today} />
          <PupilDrawer studentId={pupil} semesterId={v.semester.id} onClose={() => setPupil(null)} today={today} />
        </>
      )}
    </div>
  );
}
