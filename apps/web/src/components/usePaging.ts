/**
 * The page of a server-paged list: the page and size a table (or a phone's pager) asks for, back to page 1 when the
 * list's filters change, and antd's pagination driven by the server's total.
 */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useT } from '../app/i18n';

export const PAGE_SIZES = [20, 50, 100];

/** What a list's query sends: `page` from 1, `pageSize` rows. */
export interface Paging {
  page: number;
  pageSize: number;
}

/**
 * `resetOn` names the filters (school, month, child…, joined into one string): a new value starts again on page 1, as
 * `restart()` does for filters kept elsewhere.
 */
export function usePaging(resetOn = '', firstSize = PAGE_SIZES[0]!) {
  const t = useT();
  const [state, setState] = useState({ on: resetOn, page: 1, pageSize: firstSize });
  const paging: Paging = { page: state.on === resetOn ? state.page : 1, pageSize: state.pageSize };
  /** antd's onChange: a new page size starts on page 1. */
  const onChange = (page: number, pageSize: number) => setState({ on: resetOn, page: pageSize === state.pageSize ? page : 1, pageSize });
  const restart = () => setState((s) => (s.page === 1 ? s : { ...s, page: 1 }));
  const pagination = (total: number | undefined, sizes = PAGE_SIZES): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: sizes,
    showTotal: (n) => t('common.total', { n }),
    onChange,
  });
  return { ...paging, paging, onChange, restart, pagination };
}
export type Pager = ReturnType<typeof usePaging>;
