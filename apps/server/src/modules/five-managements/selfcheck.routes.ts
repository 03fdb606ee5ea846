/** HTTP routes of the 五项管理 module's selfcheck area. */
import type { App } from '../../platform/http';

export function registerSelfcheckRoutes(_app: App): void {}
