import type { App } from '../../platform/http';

export function registerReportRoutes(app: App): void {
  void app;
}
