/** HTTP routes of the 五项管理 module's phones area. */
import type { App } from '../../platform/http';

export function registerPhonesRoutes(_app: App): void {}
