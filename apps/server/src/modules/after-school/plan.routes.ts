/** HTTP routes of the after-school module's plan area. */
import type { App } from '../../platform/http';

export function registerPlanRoutes(_app: App): void {}
