/** The grid editor: a subject per period and day (blank = no lesson), and 实验 for a lab period of a lab subject. */
import type { TimetableCell } from '@shuangjian/contracts';
import { LAB_SUBJECTS, type TimetableSubject } from '@shuangjian/policy';
import { Checkbox, Select } from 'antd';
import { useI18n } from '../../../app/i18n';
import { subjectOptions } from '../subjects';

export function EditorGrid({ cells, days, periods, onChange }: { cells: TimetableCell[]; days: number; periods: number; onChange: (cells: TimetableCell[]) => void }) {
  const { t, locale } = useI18n();
  const options = subjectOptions(locale);
  const at = (d: number, p: number) => cells.find((c) => c.day === d && c.period === p);
  const set = (d: number, p: number, next: TimetableCell | null) => {
    const rest = cells.filter((c) => !(c.day === d && c.period === p));
    onChange(next ? [...rest, next] : rest);
  };
  return (
    <div style={{ overflowX: 'auto' }}>
      <table data-testid="timetable-editor" style={{ borderCollapse: 'collapse', minWidth: 640, width: '100%', tableLayout: 'fixed' }}>
        <thead>
          <tr>
            <th style={{ width: 48 }} />
            {Array.from({ length: days }, (_, i) => (
              <th key={i} style={{ padding: 6, background: '#fafafa', border: '1px solid #f0f0f0' }}>
                {t(`timetable.day.${i + 1}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: periods }, (_, pi) => (
            <tr key={pi}>
              <td style={{ textAlign: 'center', color: '#888', border: '1px solid #f0f0f0' }}>{pi + 1}</td>
              {Array.from({ length: days }, (_, di) => {
                const d = di + 1;
                const p = pi + 1;
                const c = at(d, p);
                const labable = !!c && LAB_SUBJECTS.includes(c.subject as TimetableSubject);
                return (
                  <td key={di} style={{ padding: 4, border: '1px solid #f0f0f0', verticalAlign: 'top' }}>
                    <Select
                      size="small"
                      allowClear
                      style={{ width: '100%' }}
                      value={c?.subject}
                      placeholder="—"
                      showSearch
                      optionFilterProp="label"
                      aria-label={t('timetable.cellLabel', { day: t(`timetable.day.${d}`), period: p })}
                      data-testid={`cell-${d}-${p}`}
                      options={options}
                      onChange={(v?: TimetableSubject) => set(d, p, v ? { day: d, period: p, subject: v, lab: v === c?.subject ? c.lab : false, teacher: c?.teacher ?? null, room: c?.room ?? null } : null)}
                    />
                    {labable && (
                      <Checkbox style={{ fontSize: 12, marginTop: 2 }} checked={c.lab} onChange={(e) => set(d, p, { ...c, lab: e.target.checked })} data-testid={`lab-${d}-${p}`}>
                        {t('timetable.lab')}
                      </Checkbox>
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
