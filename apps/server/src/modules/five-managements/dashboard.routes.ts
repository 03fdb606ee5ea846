/** HTTP routes of the 五项管理 dashboards: district → school → class, Excel. */
import type { App } from '../../platform/http';

export function registerDashboardRoutes(_app: App): void {}
