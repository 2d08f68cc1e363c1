// Public surface of the compliance module: other modules import only from here.
export { ComplianceModule } from './compliance.module';
