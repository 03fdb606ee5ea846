/** HTTP routes of the training module's rules area. */
import type { App } from '../../platform/http';

export function registerRulesRoutes(app: App): void {
  void app;
}
