/** 阴阳课表 findings: the school explains each one; the district (or the zone's inspector) closes it or sends it back. */
import './messages';
import type { YinYangFinding } from '@shuangjian/contracts';
import { Alert, Button, Card, Empty, Flex, Input, Segmented, Space, Tag, Timeline, Typography } from 'antd';
import { useState } from 'react';
import { can, hasRole, useMe, useTimeZone } from '../../app/auth';
import { formatDateTime } from '../../components/format';
import { useI18n } from '../../app/i18n';
import { useMessage } from '../../app/message';
import { PageSpinner } from '../../components/PageSpinner';
import { QueryError } from '../../components/QueryError';
import { useFindings, useTimetableWrites } from './queries';

const STATUS_COLOR = { open: 'red', answered: 'gold', closed: 'green' } as const;

function FindingCard({ f, answer, decide }: { f: YinYangFinding; answer: boolean; decide: boolean }) {
  const { t } = useI18n();
  const zone = useTimeZone();
  const message = useMessage();
  const writes = useTimetableWrites();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const run = async (p: () => Promise<unknown>) => {
    setError(null);
    try {
      await p();
      setText('');
      message.success(t('timetable.done'));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Card size="small" data-testid="finding-card" title={`${f.schoolName} · ${f.className}`} extra={<Tag color={STATUS_COLOR[f.status]}>{t(`timetable.finding.${f.status}`)}</Tag>}>
      <Typography.Paragraph style={{ marginBottom: 8 }}>{f.message}</Typography.Paragraph>
      <Timeline
        items={f.events.map((e) => ({
          color: e.kind === 'closed' ? 'green' : e.kind === 'sent_back' ? 'red' : 'blue',
          content: (
            <div>
              <Typography.Text strong>{t(`timetable.event.${e.kind}`)}</Typography.Text>{' '}
              <Typography.Text type="secondary">
                {e.byName} · {formatDateTime(e.at, zone)}
              </Typography.Text>
              {e.note && <div>{e.note}</div>}
            </div>
          ),
        }))}
      />
      {answer && f.status === 'open' && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('timetable.explain')} data-testid="finding-explain" />
          <Button type="primary" disabled={!text.trim()} onClick={() => void run(() => writes.answer(f.id, text))} data-testid="finding-answer">
            {t('timetable.answer')}
          </Button>
        </Flex>
      )}
      {decide && f.status === 'answered' && (
        <Flex vertical gap={8}>
          <Input.TextArea rows={2} maxLength={500} value={text} onChange={(e) => setText(e.target.value)} placeholder={t('timetable.reason')} />
          <Space>
            <Button type="primary" onClick={() => void run(() => writes.decide(f.id, 'close', text || null))} data-testid="finding-close">
              {t('timetable.close')}
            </Button>
            <Button danger onClick={() => void run(() => writes.decide(f.id, 'send_back', text || null))}>
              {t('timetable.sendBack')}
            </Button>
          </Space>
        </Flex>
      )}
      {error && <Alert style={{ marginTop: 8 }} type="error" showIcon title={error} />}
    </Card>
  );
}

export default function FindingsPage() {
  const { t } = useI18n();
  const { data: me } = useMe();
  const [status, setStatus] = useState<string>('open');
  const q = useFindings({ status: status === 'all' ? undefined : status });
  const answer = !!me && can(me, 'timetable.manage');
  const decide = !!me && hasRole(me, 'district_admin', 'inspector');
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('menu.timetable.findings')}
      </Typography.Title>
      <Typography.Text type="secondary">{t('timetable.findingsSub')}</Typography.Text>
      <Segmented
        value={status}
        onChange={(v) => setStatus(String(v))}
        options={['open', 'answered', 'closed', 'all'].map((s) => ({ value: s, label: t(s === 'all' ? 'timetable.all' : `timetable.finding.${s}`) }))}
        data-testid="finding-status"
      />
      {q.error && <QueryError error={q.error} />}
      {q.isLoading && <PageSpinner />}
      {q.data && !q.data.length && <Empty description={t('timetable.noFindings')} />}
      {q.data?.map((f) => <FindingCard key={f.id} f={f} answer={answer} decide={decide} />)}
    </Flex>
  );
}
