// Public surface of the health module.
export { HealthModule } from './health.module';
