/** The day's published versions (作业公示), each with its notice, and why it was corrected. */
import { PrinterOutlined } from '@ant-design/icons';
import { Card, List, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../../../app/i18n';
import { formatDateTime } from '../../../components/format';
import type { ClassDayRow } from '../components/model';
import { useTimeZone } from '../../../app/auth';

export function DayHistory({ day }: { day: ClassDayRow }) {
  const tz = useTimeZone();
  const { t } = useI18n();
  return (
    <Card
      size="small"
      title={t('hw.day.history')}
      extra={
        day.publishedVersion > 0 && (
          <Link to={`/homework/notice/${day.classId}/${day.date}`} data-testid="notice-link">
            <PrinterOutlined /> {t('hw.day.notice')}
          </Link>
        )
      }
    >
      {day.history.length === 0 ? (
        <Typography.Text type="secondary">{t('hw.day.notPublished')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={day.history}
          renderItem={(h) => (
            <List.Item
              extra={<Link to={`/homework/notice/${day.classId}/${day.date}?version=${h.version}`}>{t('hw.day.viewNotice')}</Link>}
            >
              <div>
                <Space wrap size={[12, 0]}>
                  <Tag color={h.version === day.publishedVersion ? 'green' : undefined}>{t('hw.day.version', { n: h.version })}</Tag>
                  <Typography.Text>{formatDateTime(h.publishedAt, tz)}</Typography.Text>
                  <Typography.Text>{t('hw.day.publishedBy', { name: h.publishedBy })}</Typography.Text>
                  <Typography.Text type="secondary">{t('hw.day.historyWritten', { n: h.written })}</Typography.Text>
                </Space>
                {h.reason && (
                  <div style={{ marginTop: 4 }}>
                    {h.version > 1 ? t('hw.day.correctionReason') : t('hw.day.note')}：{h.reason}
                  </div>
                )}
              </div>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
