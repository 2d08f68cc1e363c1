import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from '../app.module';
import { buildOpenApiDocument } from './http-app';
import { AppConfig } from '../config/app-config';

/**
 * The OpenAPI document without PostgreSQL or Redis: Nest's preview mode builds the module graph
 * (controllers, routes, decorators) without instantiating any provider, so nothing connects.
 */
export async function openApiDocumentOffline(): Promise<object> {
  const config = AppConfig.fromEnv({
    NODE_ENV: 'test',
    DATABASE_URL: 'postgres://unused@127.0.0.1:1/unused',
    REDIS_URL: 'redis://127.0.0.1:1',
    JWT_SECRET: 'x'.repeat(32),
    PUBLIC_BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config),
    new FastifyAdapter(),
    { preview: true, logger: false },
  );
  try {
    return buildOpenApiDocument(app, config);
  } finally {
    await app.close();
  }
}
