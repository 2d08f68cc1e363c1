import { AuditLogEntry } from '../modules/audit/entities/audit-log.entity';
import { RefreshToken } from '../modules/auth/entities/refresh-token.entity';
import { Organization } from '../modules/organizations/entities/organization.entity';
import { User } from '../modules/users/entities/user.entity';

/** Every entity, for the migration CLI and the runtime DataSource alike. */
export const ALL_ENTITIES = [Organization, User, RefreshToken, AuditLogEntry];
