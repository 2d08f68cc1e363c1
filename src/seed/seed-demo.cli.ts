import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../database/data-source-options';
import { runMigrations } from '../database/migrate';
import { demoLoginsText, seedDemo } from './demo-seed';
import './demo-course';

/** `npm run seed:demo`: migrations, then the demo organization, users and course. Needs DATABASE_URL. */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write(
      'DATABASE_URL is not set. `npm start` seeds the embedded database on first start.\n',
    );
    process.exit(1);
  }
  await runMigrations(url);
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  await seedDemo(dataSource);
  await dataSource.destroy();
  process.stdout.write(`Demo logins:\n${demoLoginsText()}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`Seeding failed: ${(e as Error).message}\n`);
  process.exit(1);
});
