/** What the child page's tabs share: the child shown, the tabs, a published list. */
import type { PublishedList } from '@shuangjian/contracts';
import type { z } from 'zod';
import { type Locale } from '../../../app/i18n';
import { formatDay } from '../components/model';

export type ListRow = z.infer<typeof PublishedList>;
export type ListItem = ListRow['items'][number];
export type Child = { id: string; name: string; className: string; schoolName: string; grade: number };
export type Tab = 'day' | 'week' | 'vacation' | 'mistakes';

/** Families may report today and the seven days before it (the server's rule). */
export const REPORT_DAYS = 7;

/** "11月23日" / "Nov 23": a date without its weekday, for ranges. */
export const dayOnly = (date: string, locale: Locale) => formatDay(date, locale).split(' ').slice(0, -1).join(' ');
