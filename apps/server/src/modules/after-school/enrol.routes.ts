/** HTTP routes of the after-school module's enrol area. */
import type { App } from '../../platform/http';

export function registerEnrolRoutes(_app: App): void {}
