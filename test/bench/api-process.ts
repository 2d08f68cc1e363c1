/**
 * The API under benchmark, in its own process so the load generator does not share its event
 * loop and its RSS is its own. Started by bench-app.ts over IPC: replies `{ port }` once
 * listening, and signs access tokens on request with the app's own AccessTokenVerifier (one
 * fresh session per token; seeded users are at token version 0).
 */
import { randomUUID } from 'node:crypto';
import { releaseBootGarbage } from '../../src/bootstrap/boot-garbage';
import { createApiApp } from '../../src/bootstrap/http-app';
import { AccessTokenVerifier } from '../../src/common/auth/access-token.verifier';
import { AuthUser } from '../../src/common/auth/roles';
import { AppConfig } from '../../src/config/app-config';
import { installApiDiagnostics } from './api-diagnostics';

async function main() {
  const app = await createApiApp(AppConfig.fromEnv(process.env));
  await app.listen(0, '127.0.0.1');
  releaseBootGarbage(); // as main.ts does
  const verifier = app.get(AccessTokenVerifier);
  const diagnostics = installApiDiagnostics(app);
  process.on('message', (message: { type: string; users?: AuthUser[] }) => {
    if (message.type === 'sign') {
      process.send!({
        type: 'tokens',
        tokens: message.users!.map((u) =>
          verifier.sign(u, { sessionId: randomUUID(), tokenVersion: 0 }),
        ),
      });
    }
    if (message.type === 'diagnostics-reset') diagnostics.reset();
    if (message.type === 'diagnostics-read')
      void diagnostics.read().then((d) => process.send!({ type: 'diagnostics', diagnostics: d }));
    if (message.type === 'stop') void app.close().then(() => process.exit(0));
  });
  process.send!({ type: 'ready', port: (app.getHttpServer().address() as { port: number }).port });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
