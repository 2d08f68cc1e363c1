// Public surface of the organizations module: other modules import only from here.
export { Organization } from './entities/organization.entity';
export { OrganizationsModule } from './organizations.module';
export { OrganizationsService } from './organizations.service';
export { OrganizationEvents } from './organization-events';
export type { OrganizationAccessChangedEvent } from './organization-events';
