import type { OrganizationView } from './dto/organization.dto';
import type { Organization } from './entities/organization.entity';

export const toOrganizationView = (o: Organization): OrganizationView => ({
  id: o.id,
  code: o.code,
  name: o.name,
  isActive: o.isActive,
  createdAt: o.createdAt,
});
