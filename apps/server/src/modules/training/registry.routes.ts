/** HTTP routes of the training module's registry area. */
import type { App } from '../../platform/http';

export function registerRegistryRoutes(app: App): void {
  void app;
}
