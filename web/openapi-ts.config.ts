import { defineConfig } from '@hey-api/openapi-ts';

/** `npm run api:generate`: typed client for the web app from the API's OpenAPI document. */
export default defineConfig({
  input: 'web/src/api/openapi.json',
  output: { path: 'web/src/api/generated' },
  plugins: ['@hey-api/typescript', '@hey-api/client-fetch', '@hey-api/sdk'],
});
