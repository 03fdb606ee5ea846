/** HTTP routes of the exams dashboards: filings and violations, growth-record completion, district → school → class. */
import type { App } from '../../platform/http';

export function registerDashboardRoutes(_app: App): void {}
