/** HTTP routes of the after-school module's money area. */
import type { App } from '../../platform/http';

export function registerMoneyRoutes(_app: App): void {}
