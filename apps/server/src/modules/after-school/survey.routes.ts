/** HTTP routes of the after-school module's survey area. */
import type { App } from '../../platform/http';

export function registerSurveyRoutes(_app: App): void {}
