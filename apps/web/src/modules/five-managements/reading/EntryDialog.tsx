/** The district's form for one list entry (推荐书目 or 负面清单): a negative-list entry needs its reason. */
import { READING_KINDS, READING_NAME_MAX, READING_REASON_MAX, READING_TITLE_MAX, type ReadingList, readingKindLabels, readingListLabels } from '@shuangjian/contracts';
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ComponentProps } from 'react';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import type { EntryBody } from './queries';

export type EntryValues = Omit<EntryBody, 'list'>;

export function EntryDialog({ list, isNew, modal }: { list: ReadingList; isNew: boolean; modal: Omit<ComponentProps<typeof FormModal<EntryValues>>, 'children'> }) {
  const { t, locale } = useI18n();
  return (
    <FormModal<EntryValues> {...modal} name="reading-entry" title={isNew ? t('five.reading.addTo', { list: readingListLabels[list][locale] }) : t('five.reading.editEntry')}>
      <Form.Item name="title" label={t('five.reading.col.title')} rules={[{ required: true, whitespace: true }, { max: READING_TITLE_MAX }]}>
        <Input />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="author" label={t('five.reading.col.author')} rules={[{ max: READING_NAME_MAX }]} style={{ flex: '1 1 160px' }}>
          <Input />
        </Form.Item>
        <Form.Item name="publisher" label={t('five.reading.col.publisher')} rules={[{ max: READING_NAME_MAX }]} style={{ flex: '1 1 200px' }}>
          <Input />
        </Form.Item>
      </Flex>
      <Form.Item name="isbn" label={t('five.reading.col.isbn')} extra={t('five.reading.isbnHint')}>
        <Input maxLength={40} />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('five.reading.col.kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
          <Select options={READING_KINDS.map((k) => ({ value: k, label: readingKindLabels[k][locale] }))} />
        </Form.Item>
        <Form.Item name="gradeFrom" label={t('five.reading.gradeFrom')} rules={[{ required: true }]} style={{ flex: '0 1 110px' }}>
          <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="gradeTo" label={t('five.reading.gradeTo')} rules={[{ required: true }]} style={{ flex: '0 1 110px' }}>
          <InputNumber min={1} max={9} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
      <Form.Item
        name="reason"
        label={t('five.reading.col.reason')}
        rules={[{ required: list === 'negative', whitespace: true, message: t('five.reading.reasonRequired') }, { max: READING_REASON_MAX }]}
      >
        <Input.TextArea rows={2} />
      </Form.Item>
    </FormModal>
  );
}
