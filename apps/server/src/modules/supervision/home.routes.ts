import type { App } from '../../platform/http';

export function registerHomeRoutes(app: App): void {
  void app;
}
