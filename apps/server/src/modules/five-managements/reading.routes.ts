/** HTTP routes of the 五项管理 module's reading area. */
import type { App } from '../../platform/http';

export function registerReadingRoutes(_app: App): void {}
