/** The page of a server-paged table in this area: page and size kept in the tab, the table driven by the server's total. */
import type { TablePaginationConfig } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../../app/i18n';
import type { Paging } from './queries';

const PAGE_SIZES = [20, 50, 100];

export function usePaging() {
  const { t } = useI18n();
  const [paging, setPaging] = useState<Paging>({ page: 1, pageSize: PAGE_SIZES[0]! });
  /** A new filter starts again on the first page. */
  const restart = () => setPaging((p) => (p.page === 1 ? p : { ...p, page: 1 }));
  const pagination = (total: number | undefined): TablePaginationConfig => ({
    current: paging.page,
    pageSize: paging.pageSize,
    total: total ?? 0,
    showSizeChanger: true,
    pageSizeOptions: PAGE_SIZES,
    showTotal: (n) => t('common.total', { n }),
    onChange: (page, pageSize) => setPaging({ page: pageSize === paging.pageSize ? page : 1, pageSize }),
  });
  return { paging, restart, pagination };
}
