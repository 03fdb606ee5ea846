/** Pickers of the care forms: a child of a school (typed name or number, asked of the server) and staff for a rota day. */
import { Select } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import { ROTA_ROLES, useStaffSearch, useStudentSearch } from './queries';
import './messages';

export function StudentPicker({
  schoolId,
  value,
  onChange,
  taken = [],
  id,
}: {
  /** null: any school of the district (a community site). */
  schoolId: string | null;
  value?: string;
  onChange?: (id: string) => void;
  /** Children already in: shown, not chosen. */
  taken?: readonly string[];
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const res = useStudentSearch(schoolId, q.trim());
  return (
    <Select
      id={id}
      value={value}
      onChange={onChange}
      loading={res.isFetching}
      placeholder={t('afterSchool.care.pickStudent')}
      notFoundContent={res.isFetching ? null : t('afterSchool.care.noStudent')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={(res.data?.items ?? []).map((s) => ({
        value: s.id,
        disabled: taken.includes(s.id),
        label: `${s.name}（${schoolId ? '' : `${s.schoolName} `}${s.className} ${s.studentNo}）${taken.includes(s.id) ? ` · ${t('afterSchool.care.already')}` : ''}`,
      }))}
    />
  );
}

export function StaffPicker({
  schoolId,
  current,
  value,
  onChange,
  id,
}: {
  /** The site's school; null: staff of any school (a community site). */
  schoolId: string | null;
  /** Who is on the day already (their names, before any search). */
  current: readonly { userId: string; name: string }[];
  value?: string[];
  onChange?: (ids: string[]) => void;
  id?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const res = useStaffSearch(schoolId, q.trim(), true);
  const found = (res.data?.items ?? [])
    .filter((s) => s.status === 'active')
    .map((s) => ({ s, at: s.assignments.filter((a) => ROTA_ROLES.includes(a.role) && a.schoolId && (!schoolId || a.schoolId === schoolId)) }))
    .filter(({ at }) => at.length)
    .map(({ s, at }) => ({ value: s.id, label: schoolId ? s.name : `${s.name}（${at[0]!.schoolName}）` }));
  const options = [...current.filter((c) => !found.some((f) => f.value === c.userId)).map((c) => ({ value: c.userId, label: c.name })), ...found];
  return (
    <Select
      id={id}
      mode="multiple"
      value={value}
      onChange={onChange}
      loading={res.isFetching}
      placeholder={t('afterSchool.care.summer.pickStaff')}
      showSearch={{ filterOption: false, onSearch: setQ }}
      options={options}
      style={{ width: '100%' }}
    />
  );
}
