// Public surface of the users module: other modules import only from here.
export { UserView } from './dto/user.dto';
export { User } from './entities/user.entity';
export { PasswordHasher } from './password-hasher';
export { toUserView } from './users.views';
export { UsersModule } from './users.module';
export { UsersService } from './users.service';
export { UserEvents } from './user-events';
export type {
  UserAccessChange,
  UserAccessChangedEvent,
  UsersCreatedWithoutPasswordEvent,
} from './user-events';
export { assertAcceptablePassword } from './password-rules';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './domain/password-policy';
