// Public surface of the onboarding module (invitations, set-password and reset links).
export { OnboardingModule } from './onboarding.module';
