/** The after-school lists' server paging: the page and size a table asks for, back to page 1 when its filters change. */
import { useState } from 'react';

export const PAGE_SIZES = [20, 50, 100];

/** `resetOn` names the filters (school, month, child…): a new value starts again on the first page. */
export function usePager(resetOn: string, firstSize = PAGE_SIZES[0]!) {
  const [state, setState] = useState({ on: resetOn, page: 1, pageSize: firstSize });
  const page = state.on === resetOn ? state.page : 1;
  return {
    page,
    pageSize: state.pageSize,
    /** antd's onChange: a new page size starts on page 1. */
    onChange: (p: number, size: number) => setState({ on: resetOn, page: size === state.pageSize ? p : 1, pageSize: size }),
  };
}
export type Pager = ReturnType<typeof usePager>;
