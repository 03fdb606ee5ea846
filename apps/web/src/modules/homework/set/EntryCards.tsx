/** One card per day of the plan with its item's fields; in a weekly or vacation plan the days after the first stay folded. */
import { BookOutlined, CopyOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, type FormInstance, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../../app/i18n';
import { formatDay } from '../components/model';
import { EntryFields } from './EntryFields';
import { copyToAll, type EntryValues, type FormValues } from './plan';

export function EntryCards({
  form,
  entries,
  planKind,
  dayKinds,
  unfolded,
  onUnfold,
  editable,
  onPickDesign,
}: {
  form: FormInstance<FormValues>;
  entries: EntryValues[];
  planKind: string;
  /** Each date's kind of day, from the load check. */
  dayKinds: Map<string, string>;
  /** The dates opened in a folded plan. */
  unfolded: Set<string>;
  onUnfold: (date: string) => void;
  editable: boolean;
  onPickDesign: (index: number) => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Form.List name="entries">
      {(fields) =>
        fields.length === 0 ? (
          <Alert type="info" showIcon title={t('hw.form.noDates')} style={{ marginBottom: 16 }} />
        ) : (
          fields.map((field) => {
            const entry = entries[field.name];
            const kind = entry ? dayKinds.get(entry.date) : undefined;
            const folded = planKind !== 'daily' && field.name > 0 && !!entry && !unfolded.has(entry.date);
            return (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 16 }}
                data-testid="entry-card"
                title={
                  planKind === 'daily' ? (
                    t('hw.form.content')
                  ) : (
                    <Space>
                      {entry && formatDay(entry.date, locale)}
                      {kind && kind !== 'school_day' && <Tag color={kind === 'vacation' ? 'magenta' : 'orange'}>{t(`hw.dayKind.${kind}`)}</Tag>}
                    </Space>
                  )
                }
                extra={
                  <Space size={4}>
                    {fields.length > 1 && field.name === 0 && (
                      <Button size="small" type="text" icon={<CopyOutlined />} onClick={() => copyToAll(form)}>
                        {t('hw.form.copyToAll')}
                      </Button>
                    )}
                    {editable && (
                      <Button size="small" type="link" icon={<BookOutlined />} onClick={() => onPickDesign(field.name)}>
                        {t('hw.library.pick')}
                      </Button>
                    )}
                  </Space>
                }
              >
                {folded && entry && (
                  <Flex justify="space-between" align="center" gap={8} data-testid="entry-summary">
                    <Typography.Text ellipsis style={{ flex: 1 }} type={entry.content ? undefined : 'secondary'}>
                      {entry.content || t('hw.form.empty')}
                    </Typography.Text>
                    <Typography.Text strong>{entry.minutes ? t('hw.minutes', { n: entry.minutes }) : ''}</Typography.Text>
                    <Button size="small" onClick={() => onUnfold(entry.date)}>
                      {t('hw.form.editDay')}
                    </Button>
                  </Flex>
                )}
                <div style={folded ? { display: 'none' } : undefined}>
                  <EntryFields name={field.name} />
                </div>
              </Card>
            );
          })
        )
      }
    </Form.List>
  );
}
