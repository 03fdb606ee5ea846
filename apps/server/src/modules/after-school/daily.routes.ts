/** HTTP routes of the after-school module's daily area. */
import type { App } from '../../platform/http';

export function registerDailyRoutes(_app: App): void {}
