/** The set-homework form's target: classes and subject (a new item), the plan kind and its date, week or range. */
import { PLAN_DAYS_MAX } from '@shuangjian/contracts';
import { weekStart } from '@shuangjian/policy';
import { Card, Checkbox, Col, DatePicker, Flex, Form, Radio, Row, Select, Space, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatDay, type Item } from '../components/model';
import { iso } from './plan';

export function TargetCard({
  item,
  classes,
  subjects,
  planKind,
  today,
}: {
  item?: Item;
  /** The classes the teacher may set for, labelled. */
  classes: { value: string; label: string }[];
  /** The subjects taught in every chosen class. */
  subjects: { value: string; label: string }[];
  planKind: string;
  today: string;
}) {
  const { t, locale } = useI18n();
  return (
    <Card size="small" title={t('hw.form.target')} style={{ marginBottom: 16 }}>
      {item ? (
        <Space size={[16, 4]} wrap style={{ marginBottom: 12 }}>
          <Typography.Text>
            {t('hw.field.class')}：<strong>{item.className}</strong>
          </Typography.Text>
          <Typography.Text>
            {t('hw.field.subject')}：<strong>{item.subjectName}</strong>
          </Typography.Text>
        </Space>
      ) : (
        <Row gutter={12}>
          <Col xs={24} md={15}>
            <Form.Item name="classIds" label={t('hw.field.classes')} rules={[{ required: true, message: t('hw.form.pickClass') }]}>
              <Select
                mode="multiple"
                data-testid="class-select"
                placeholder={t('hw.form.pickClass')}
                options={classes}
                showSearch={{ optionFilterProp: 'label' }}
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={9}>
            <Form.Item name="subjectId" label={t('hw.field.subject')} rules={[{ required: true, message: t('hw.form.pickSubject') }]}>
              <Select
                data-testid="subject-select"
                placeholder={t('hw.form.pickSubject')}
                options={subjects}
                notFoundContent={t('hw.form.noCommonSubject')}
              />
            </Form.Item>
          </Col>
        </Row>
      )}
      {!item && (
        <Form.Item name="planKind" label={t('hw.field.planKind')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={(['daily', 'weekly', 'vacation'] as const).map((k) => ({ value: k, label: t(`hw.planKind.${k}`) }))}
          />
        </Form.Item>
      )}
      {planKind === 'daily' && (
        <Form.Item name="date" label={t('hw.field.date')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
          <DatePicker allowClear={false} disabledDate={(d) => iso(d) < today} format={(d) => formatDay(iso(d), locale, true)} style={{ width: 220 }} />
        </Form.Item>
      )}
      {planKind === 'weekly' && (
        <Flex wrap gap={16}>
          <Form.Item name="week" label={t('hw.field.week')} rules={[{ required: true }]} style={{ marginBottom: 0 }}>
            <DatePicker picker="week" allowClear={false} disabledDate={(d) => iso(d) < weekStart(today)} />
          </Form.Item>
          <Form.Item name="weekdays" label={t('hw.field.weekdays')} style={{ marginBottom: 0 }}>
            <Checkbox.Group options={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: d, label: t(`hw.weekday.${d}`) }))} />
          </Form.Item>
        </Flex>
      )}
      {planKind === 'vacation' && (
        <Form.Item name="range" label={t('hw.field.range')} rules={[{ required: true }]} extra={t('hw.form.vacationHint', { n: PLAN_DAYS_MAX })} style={{ marginBottom: 0 }}>
          <DatePicker.RangePicker disabledDate={(d) => iso(d) < today} />
        </Form.Item>
      )}
    </Card>
  );
}
