import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';
import { AdminUsersController, EmployeesController } from './users.controller';
import { UserEvents } from './user-events';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([User])],
  controllers: [AdminUsersController, EmployeesController],
  providers: [UsersService, PasswordHasher, UserEvents],
  exports: [UsersService, PasswordHasher, UserEvents],
})
export class UsersModule {}
