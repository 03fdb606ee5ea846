/** 查一本书: a teacher types a title (and publisher) or an ISBN and sees whether it is on a district list; nothing is recorded. */
import { SearchOutlined } from '@ant-design/icons';
import { READING_KINDS, type ReadingCheck, type ReadingKind, readingKindLabels } from '@shuangjian/contracts';
import { Button, Card, Flex, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import { CheckResult } from './CheckResult';
import { useReadingWrites } from './queries';

export function BookCheck() {
  const { t, locale } = useI18n();
  const toast = useMessage();
  const writes = useReadingWrites();
  const [title, setTitle] = useState('');
  const [publisher, setPublisher] = useState('');
  const [isbn, setIsbn] = useState('');
  const [kind, setKind] = useState<ReadingKind>('extracurricular');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ReadingCheck | null>(null);
  const run = async () => {
    setBusy(true);
    try {
      setResult(await writes.check({ title: title.trim(), publisher: publisher.trim() || null, isbn: isbn.trim() || null, kind }));
    } catch (e) {
      toast.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" title={t('five.reading.check.title')} data-testid="reading-book-check">
      <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
        {t('five.reading.check.hint')}
      </Typography.Paragraph>
      <Flex gap={8} wrap>
        <Input style={{ flex: '1 1 200px' }} placeholder={t('five.reading.col.title')} aria-label={t('five.reading.col.title')} value={title} onChange={(e) => setTitle(e.target.value)} onPressEnter={() => title.trim() && void run()} maxLength={120} />
        <Input style={{ flex: '1 1 160px' }} placeholder={t('five.reading.col.publisher')} aria-label={t('five.reading.col.publisher')} value={publisher} onChange={(e) => setPublisher(e.target.value)} maxLength={80} />
        <Input style={{ flex: '1 1 160px' }} placeholder={t('five.reading.col.isbn')} aria-label={t('five.reading.col.isbn')} value={isbn} onChange={(e) => setIsbn(e.target.value)} maxLength={40} />
        <Select style={{ flex: '0 1 130px' }} aria-label={t('five.reading.col.kind')} value={kind} onChange={setKind} options={READING_KINDS.map((k) => ({ value: k, label: readingKindLabels[k][locale] }))} />
        <Button type="primary" icon={<SearchOutlined />} loading={busy} disabled={!title.trim()} onClick={() => void run()}>
          {t('five.reading.check.go')}
        </Button>
      </Flex>
      {result && (
        <div style={{ marginTop: 12 }}>
          <CheckResult check={result} />
        </div>
      )}
    </Card>
  );
}
