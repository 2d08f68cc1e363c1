import { Logger } from '@nestjs/common';
import { Algorithm, hash } from '@node-rs/argon2';
import { DataSource } from 'typeorm';
import { Role } from '../common/auth/roles';

/** Local demo only: printed on the console at start; never used outside development. */
export const DEMO_PASSWORD = 'demo-k3-2026';
export const DEMO_ORGANIZATION = { code: 'DEMO', name: 'PT Demo Konstruksi Sejahtera' };
export const DEMO_USERS = [
  { email: 'admin@k3-lms.local', name: 'Admin K3', role: Role.Admin, employeeId: null },
  {
    email: 'instructor@k3-lms.local',
    name: 'Ir. Bambang Instruktur',
    role: Role.Instructor,
    employeeId: null,
  },
  { email: 'hr@demo.k3-lms.local', name: 'Rina HRD', role: Role.Hr, employeeId: 'HR-001' },
  {
    email: 'budi@demo.k3-lms.local',
    name: 'Budi Santoso',
    role: Role.Learner,
    employeeId: 'EMP-001',
  },
  {
    email: 'siti@demo.k3-lms.local',
    name: 'Siti Nurhaliza',
    role: Role.Learner,
    employeeId: 'EMP-002',
  },
] as const;

export type DemoCourseSeeder = (
  dataSource: DataSource,
  instructorId: string,
) => Promise<string | null>;
const courseSeeders: DemoCourseSeeder[] = [];

/** Feature modules that own demo content (the course) register how to create it. */
export function registerDemoCourseSeeder(seeder: DemoCourseSeeder): void {
  courseSeeders.push(seeder);
}

export async function hasAnyUser(dataSource: DataSource): Promise<boolean> {
  const rows: unknown[] = await dataSource.query('SELECT 1 FROM users LIMIT 1');
  return rows.length > 0;
}

/** Idempotent: existing e-mails and the organization code are left as they are. */
export async function seedDemo(dataSource: DataSource): Promise<void> {
  const logger = new Logger('DemoSeed');
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: Algorithm.Argon2id });
  const [org] = (await dataSource.query(
    `INSERT INTO organizations (code, name) VALUES ($1, $2)
     ON CONFLICT (code) DO UPDATE SET name = organizations.name RETURNING id`,
    [DEMO_ORGANIZATION.code, DEMO_ORGANIZATION.name],
  )) as { id: string }[];
  const ids: Record<string, string> = {};
  for (const user of DEMO_USERS) {
    const inOrg = user.role === Role.Hr || user.role === Role.Learner;
    const [row] = (await dataSource.query(
      `INSERT INTO users (email, name, password_hash, role, organization_id, employee_id)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email) DO UPDATE SET email = users.email RETURNING id`,
      [user.email, user.name, passwordHash, user.role, inOrg ? org.id : null, user.employeeId],
    )) as { id: string }[];
    ids[user.role] = row.id;
  }
  for (const seeder of courseSeeders) {
    const courseId = await seeder(dataSource, ids[Role.Instructor]);
    if (courseId) logger.log(`Demo course ready (${courseId})`);
  }
  logger.log(
    `Demo organization, ${DEMO_USERS.length} users${courseSeeders.length ? ' and a published course' : ''} seeded`,
  );
}

export function demoLoginsText(): string {
  return DEMO_USERS.map(
    (u) => `  ${u.role.padEnd(10)} ${u.email.padEnd(28)} ${DEMO_PASSWORD}`,
  ).join('\n');
}
