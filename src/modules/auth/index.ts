// Public surface of the auth module.
export { AuthModule } from './auth.module';
