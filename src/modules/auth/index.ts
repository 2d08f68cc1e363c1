// Public surface of the auth module.
export { AuthModule } from './auth.module';
export { AccessStateModule } from './access-state.module';
export { AuthService } from './auth.service';
export { TokenPairView } from './dto/auth.dto';
export {
  BrowserCsrfGuard,
  BrowserCsrfHeaderDoc,
  BrowserSessionView,
  startBrowserSession,
} from './browser-session.controller';
export { readCookie } from './domain/browser-session';
export { QUEUE_DASHBOARD_COOKIE, QUEUE_DASHBOARD_PATH } from './domain/queue-dashboard-cookie';
