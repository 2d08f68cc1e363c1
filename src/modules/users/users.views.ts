import type { UserView } from './dto/user.dto';
import type { User } from './entities/user.entity';

export const toUserView = (u: User): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  organizationId: u.organizationId,
  employeeId: u.employeeId,
  nik: u.nik,
  locale: u.locale,
  isActive: u.isActive,
  createdAt: u.createdAt,
});
