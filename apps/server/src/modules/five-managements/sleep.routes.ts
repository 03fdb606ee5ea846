/** HTTP routes of the 五项管理 module's sleep area. */
import type { App } from '../../platform/http';

export function registerSleepRoutes(_app: App): void {}
