// Public surface of the audit module: other modules import only from here.
export { AuditModule } from './audit.module';
export { AuditService } from './audit.service';
export type { AuditEntryView, AuditEvent, AuditFilter } from './audit.service';
