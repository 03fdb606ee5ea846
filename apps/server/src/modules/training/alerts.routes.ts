/** HTTP routes of the training module's alerts area. */
import type { App } from '../../platform/http';

export function registerAlertsRoutes(app: App): void {
  void app;
}
