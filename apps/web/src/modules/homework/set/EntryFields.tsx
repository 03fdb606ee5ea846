/** The fields of one day's item in the set-homework form: content, type, layer, place, minutes, title, links, files. */
import { PaperClipOutlined } from '@ant-design/icons';
import { ITEM_ATTACHMENTS_MAX, ITEM_CONTENT_MAX, ITEM_LINKS_MAX, ITEM_MINUTES_MAX, TITLE_MAX } from '@shuangjian/contracts';
import { HOMEWORK_TYPES, homeworkTypeLabels, LAYERS, layerLabels, PLACES } from '@shuangjian/policy';
import { Button, Col, Form, Input, InputNumber, Radio, Row, Select, Upload, type UploadFile, type UploadProps } from 'antd';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n';
import { useMessage } from '../../../app/message';
import type { AttachmentRow } from '../components/model';

/** An attachment's size limit (the server's upload limit). */
const MAX_MB = 10;
const LINK = /^https?:\/\/\S+$/i;

/** The fields of one entry (one day's item). */
export function EntryFields({ name }: { name: number }) {
  const { t, locale } = useI18n();
  const message = useMessage();
  const upload: NonNullable<UploadProps<AttachmentRow>['customRequest']> = ({ file, onSuccess, onError }) => {
    const body = new FormData();
    if (file instanceof File) body.append('file', file, file.name);
    else body.append('file', file);
    api
      .post<AttachmentRow>('/api/homework/attachments', body)
      .then((a) => onSuccess?.(a))
      .catch((e: unknown) => {
        message.error(e instanceof Error ? e.message : String(e));
        onError?.(e instanceof Error ? e : new Error(String(e)));
      });
  };
  return (
    <>
      <Form.Item name={[name, 'content']} label={t('hw.field.content')} rules={[{ required: true, whitespace: true, message: t('hw.form.contentRequired') }]}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} maxLength={ITEM_CONTENT_MAX} showCount placeholder={t('hw.form.contentHint')} />
      </Form.Item>
      <Row gutter={12}>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'type']} label={t('hw.field.type')} rules={[{ required: true }]}>
            <Select options={HOMEWORK_TYPES.map((v) => ({ value: v, label: homeworkTypeLabels[v][locale] }))} data-testid="type-select" />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'layer']} label={t('hw.field.layer')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={LAYERS.map((v) => ({ value: v, label: layerLabels[v][locale] }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={16}>
          <Form.Item name={[name, 'place']} label={t('hw.field.place')} rules={[{ required: true }]}>
            <Radio.Group optionType="button" options={PLACES.map((v) => ({ value: v, label: t(`hw.place.${v}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={8}>
          <Form.Item name={[name, 'minutes']} label={t('hw.field.minutes')} rules={[{ required: true, message: t('hw.form.minutesRequired') }]}>
            <InputNumber min={1} max={ITEM_MINUTES_MAX} precision={0} suffix={t('hw.unit.minutes')} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col xs={24} sm={10}>
          <Form.Item name={[name, 'title']} label={t('hw.field.title')}>
            <Input maxLength={TITLE_MAX} placeholder={t('hw.form.titleHint')} />
          </Form.Item>
        </Col>
        <Col xs={24} sm={14}>
          <Form.Item
            name={[name, 'links']}
            label={t('hw.field.links')}
            rules={[
              {
                validator: async (_, value: string[] | undefined) => {
                  if ((value ?? []).length > ITEM_LINKS_MAX) throw new Error(t('hw.form.linksMax', { n: ITEM_LINKS_MAX }));
                  const bad = (value ?? []).find((v) => !LINK.test(v));
                  if (bad) throw new Error(t('hw.form.linkBad', { link: bad }));
                },
              },
            ]}
          >
            <Select mode="tags" open={false} tokenSeparators={[' ', ',', '，']} placeholder={t('hw.form.linksHint')} suffixIcon={null} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name={[name, 'files']} label={t('hw.field.attachments')} valuePropName="fileList" getValueFromEvent={(e: { fileList: UploadFile<AttachmentRow>[] }) => e.fileList} extra={t('hw.form.attachmentsHint', { n: ITEM_ATTACHMENTS_MAX, mb: MAX_MB })} style={{ marginBottom: 0 }}>
        <Upload<AttachmentRow>
          customRequest={upload}
          maxCount={ITEM_ATTACHMENTS_MAX}
          beforeUpload={(f) => {
            if (f.size > MAX_MB * 1024 * 1024) {
              message.error(t('hw.form.tooLarge', { name: f.name }));
              return Upload.LIST_IGNORE;
            }
            return true;
          }}
        >
          <Button icon={<PaperClipOutlined />}>{t('hw.form.attach')}</Button>
        </Upload>
      </Form.Item>
    </>
  );
}
