/**
 * The area pages a figure links to, with who may open each (as their rows in the route table say): a figure links only
 * to a page the signed-in person may open (the self-check's school page for a school's head).
 */
import { type DashboardFigureSpec, FIVE_DASHBOARD_FIGURES, managementLabels, type Me, type Permission, type Role } from '@shuangjian/contracts';
import { can, hasRole, useMe } from '../../../app/auth';
import type { Locale } from '../../../app/i18n';

const PAGES: Record<string, { permission?: Permission; roles?: Role[]; else?: string }> = {
  '/five/sleep/classes': { permission: 'five-managements.read' },
  '/five/phones/class': { roles: ['class_teacher'] },
  '/five/reading/filings': { permission: 'five-managements.read' },
  '/five/fitness/week': { permission: 'five-managements.read' },
  '/five/fitness/tests': { permission: 'five-managements.read' },
  '/five/selfcheck': { roles: ['district_admin', 'inspector'], else: '/five/selfcheck/school' },
  '/five/selfcheck/school': { roles: ['school_admin'] },
  '/exams/filings': { permission: 'exams.read' },
  '/exams/results': { permission: 'exams.results' },
  '/exams/growth': { permission: 'exams.growth' },
};

function pathFor(path: string | null, me: Me | null | undefined): string | null {
  const page = path ? PAGES[path] : undefined;
  if (!path || !page) return null;
  const open = (!page.permission || can(me, page.permission)) && (!page.roles || hasRole(me, ...page.roles));
  return open ? path : pathFor(page.else ?? null, me);
}

/** The area page behind a figure that the signed-in person may open, or null. */
export function useAreaPath(): (path: string | null) => string | null {
  const { data: me } = useMe();
  return (path) => pathFor(path, me);
}

export const GROUPS = ['sleep', 'phones', 'reading', 'fitness', 'selfcheck'] as const;
export type Group = (typeof GROUPS)[number];

export const groupLabel = (g: Group, locale: Locale) => (g === 'selfcheck' ? (locale === 'zh-CN' ? '自查整改' : 'Self-checks') : managementLabels[g][locale]);
export const figuresOf = (g: Group): readonly DashboardFigureSpec[] => FIVE_DASHBOARD_FIGURES.filter((f) => f.management === g);
