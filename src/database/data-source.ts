// The DataSource the TypeORM CLI uses (`npm run migration:*`). Needs DATABASE_URL.
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source-options';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set: the migration commands need a database to compare with.');
  process.exit(1);
}
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL));
