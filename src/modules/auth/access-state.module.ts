import { Module } from '@nestjs/common';
import { AccessStatePort } from '../../common/auth/access-state.port';
import { OrganizationsModule } from '../organizations';
import { UsersModule } from '../users';
import { AccessStateService } from './access-state.service';

/** The auth module's implementation of the access guard's port (see AccessControlModule). */
@Module({
  imports: [UsersModule, OrganizationsModule],
  providers: [AccessStateService, { provide: AccessStatePort, useExisting: AccessStateService }],
  exports: [AccessStateService, AccessStatePort],
})
export class AccessStateModule {}
