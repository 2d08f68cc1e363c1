import { Injectable, OnModuleInit } from '@nestjs/common';
import { OrganizationEvents } from '../organizations';
import { UserEvents } from '../users';
import { AccessStateService } from './access-state.service';
import { RefreshTokensService } from './refresh-tokens.service';

/**
 * Ends sessions when the users or organizations module reports a change of who may sign in:
 * refresh tokens in the same transaction as the change, the cached access state after commit.
 */
@Injectable()
export class AccessChangeSubscriber implements OnModuleInit {
  constructor(
    private readonly userEvents: UserEvents,
    private readonly organizationEvents: OrganizationEvents,
    private readonly refreshTokens: RefreshTokensService,
    private readonly accessState: AccessStateService,
  ) {}

  onModuleInit(): void {
    this.userEvents.onAccessChanged({
      inTransaction: async ({ userId, changes }, tx) => {
        if (changes.includes('deleted')) await this.refreshTokens.deleteAllOfUser(userId, tx);
        else if (changes.includes('deactivated') || changes.includes('password-changed')) {
          await this.refreshTokens.revokeAllOfUser(userId, tx);
        }
      },
      afterCommit: ({ userId }) => this.accessState.invalidateUser(userId),
    });
    // No per-user work: every member's access check reads the organization's own entry.
    this.organizationEvents.onAccessChanged(({ organizationId }) =>
      this.accessState.invalidateOrganization(organizationId),
    );
  }
}
