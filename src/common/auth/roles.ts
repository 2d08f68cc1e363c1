import { SetMetadata } from '@nestjs/common';

export enum Role {
  Admin = 'admin',
  Instructor = 'instructor',
  Hr = 'hr',
  Learner = 'learner',
}
export const ALL_ROLES = [Role.Admin, Role.Instructor, Role.Hr, Role.Learner] as const;
/** Who authors courses, quizzes and question banks. */
export const AUTHORS: Role[] = [Role.Admin, Role.Instructor];

export const ROLES_KEY = 'k3:roles';
export const PUBLIC_KEY = 'k3:public';

/** Who may call this route. Every route declares either @Roles or @Public. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** No login needed (health, login, public certificate verification). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The authenticated caller, as carried by the access token. */
export interface AuthUser {
  id: string;
  role: Role;
  organizationId: string | null;
}

export const isAuthor = (actor: AuthUser) => AUTHORS.includes(actor.role);
