/** HTTP routes of the after-school module's care area. */
import type { App } from '../../platform/http';

export function registerCareRoutes(_app: App): void {}
