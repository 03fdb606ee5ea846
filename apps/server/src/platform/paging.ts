/**
 * The total of a server-paged list read with `count(*) over ()` beside each row: the page's own figure when it has
 * rows; an empty first page means no match at all; past the last page, one count of its own (`count`).
 */
export async function pageTotal(rows: readonly { total: number | string }[], page: number, count: () => Promise<number>): Promise<number> {
  if (rows.length) return Number(rows[0]!.total);
  return page === 1 ? 0 : count();
}
