/** The school's form for one book or material brought into school: what it is, which grades, how many copies, from where. */
import { READING_COPIES_MAX, READING_KINDS, READING_NAME_MAX, READING_SOURCES, READING_TITLE_MAX, readingKindLabels, readingSourceLabels } from '@shuangjian/contracts';
import { Flex, Form, Input, InputNumber, Select } from 'antd';
import type { ComponentProps } from 'react';
import { useI18n } from '../../../app/i18n';
import { FormModal } from '../../../components/FormModal';
import type { FilingBody } from './queries';

/** The grades a school teaches, from its type. */
export const gradesOfSchool = (type: string | undefined): number[] =>
  type === 'junior' ? [7, 8, 9] : type === 'nine_year' ? [1, 2, 3, 4, 5, 6, 7, 8, 9] : [1, 2, 3, 4, 5, 6];

export function FilingDialog({ grades, isNew, modal }: { grades: number[]; isNew: boolean; modal: Omit<ComponentProps<typeof FormModal<FilingBody>>, 'children'> }) {
  const { t, locale } = useI18n();
  return (
    <FormModal<FilingBody> {...modal} name="reading-filing" title={isNew ? t('five.reading.file') : t('five.reading.editFiling')}>
      <Form.Item name="title" label={t('five.reading.col.title')} rules={[{ required: true, whitespace: true }, { max: READING_TITLE_MAX }]}>
        <Input />
      </Form.Item>
      <Flex gap={12} wrap>
        <Form.Item name="publisher" label={t('five.reading.col.publisher')} rules={[{ max: READING_NAME_MAX }]} style={{ flex: '1 1 180px' }}>
          <Input />
        </Form.Item>
        <Form.Item name="isbn" label={t('five.reading.col.isbn')} style={{ flex: '1 1 180px' }}>
          <Input maxLength={40} placeholder="978-7-…" />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="kind" label={t('five.reading.col.kind')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
          <Select options={READING_KINDS.map((k) => ({ value: k, label: readingKindLabels[k][locale] }))} />
        </Form.Item>
        <Form.Item name="source" label={t('five.reading.col.source')} rules={[{ required: true }]} style={{ flex: '1 1 140px' }}>
          <Select options={READING_SOURCES.map((s) => ({ value: s, label: readingSourceLabels[s][locale] }))} />
        </Form.Item>
      </Flex>
      <Flex gap={12} wrap>
        <Form.Item name="grades" label={t('five.reading.col.grades')} rules={[{ required: true, type: 'array', min: 1 }]} style={{ flex: '2 1 200px' }}>
          <Select mode="multiple" options={grades.map((g) => ({ value: g, label: t('five.reading.grade', { g }) }))} />
        </Form.Item>
        <Form.Item name="copies" label={t('five.reading.col.copies')} rules={[{ required: true, type: 'integer', min: 1, max: READING_COPIES_MAX, message: t('five.reading.copiesInvalid') }]} style={{ flex: '1 1 100px' }}>
          <InputNumber min={1} max={READING_COPIES_MAX} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Flex>
    </FormModal>
  );
}
