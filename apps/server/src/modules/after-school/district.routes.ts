/** HTTP routes of the after-school module's district area. */
import type { App } from '../../platform/http';

export function registerDistrictRoutes(_app: App): void {}
