/** A week's timetable as a table: rows = periods, columns = 周一…; a lab period is marked 实验. Read-only. */
import type { TimetableCell } from '@shuangjian/contracts';
import { Tag } from 'antd';
import { useI18n } from '../../app/i18n';
import { subjectColor, subjectName } from './subjects';

export function TimetableGrid({ cells, days, periods, today, compact }: { cells: readonly TimetableCell[]; days: number; periods: number; today?: number; compact?: boolean }) {
  const { t, locale } = useI18n();
  const at = (d: number, p: number) => cells.find((c) => c.day === d && c.period === p);
  const pad = compact ? '4px 2px' : '6px 4px';
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="timetable-grid" style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed', fontSize: compact ? 12 : 13 }}>
        <thead>
          <tr>
            <th style={{ width: compact ? 34 : 56, padding: pad }} />
            {Array.from({ length: days }, (_, i) => (
              <th key={i} style={{ padding: pad, background: today === i + 1 ? '#e6f4ff' : '#fafafa', border: '1px solid #f0f0f0' }}>
                {t(`timetable.day.${i + 1}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: periods }, (_, p) => (
            <tr key={p}>
              <td style={{ padding: pad, textAlign: 'center', color: '#888', border: '1px solid #f0f0f0' }}>{p + 1}</td>
              {Array.from({ length: days }, (_, d) => {
                const c = at(d + 1, p + 1);
                return (
                  <td key={d} style={{ padding: pad, textAlign: 'center', border: '1px solid #f0f0f0', background: today === d + 1 ? '#f5faff' : undefined }}>
                    {c && (
                      <Tag color={subjectColor(c.subject)} style={{ marginInlineEnd: 0, whiteSpace: 'normal', fontSize: compact ? 11 : 12, paddingInline: compact ? 2 : 6 }}>
                        {subjectName(c.subject, locale)}
                        {c.lab ? `·${t('timetable.lab')}` : ''}
                      </Tag>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
