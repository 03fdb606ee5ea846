import type { App } from '../../platform/http';

export function registerNoticeRoutes(app: App): void {
  void app;
}
