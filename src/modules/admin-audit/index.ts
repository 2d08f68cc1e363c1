// Public surface of the admin-audit module.
export { AdminAuditModule } from './admin-audit.module';
