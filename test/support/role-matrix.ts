import { Role } from '../../src/common/auth/roles';
import { TestContext } from './test-app';

export interface RouteCase {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** Roles that pass the guard. Everyone else must get 403; no token must get 401. */
  allowed: Role[];
  body?: object;
}

/**
 * Table-driven role x route check. For allowed roles it only asserts the guard let the call
 * through (not 401/403): the status then depends on the body and data, which feature tests cover.
 */
export async function checkRoleMatrix(
  ctx: TestContext,
  routes: RouteCase[],
  tokens: Record<Role, string>,
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const anonymous = await ctx
      .http()
      [route.method](route.path)
      .send(route.body ?? {});
    if (anonymous.status !== 401) {
      failures.push(
        `${route.method.toUpperCase()} ${route.path} anonymous -> ${anonymous.status}, want 401`,
      );
    }
    for (const role of Object.values(Role)) {
      const res = await ctx
        .http()
        [route.method](route.path)
        .set('Authorization', `Bearer ${tokens[role]}`)
        .send(route.body ?? {});
      const allowed = route.allowed.includes(role);
      const ok = allowed ? res.status !== 401 && res.status !== 403 : res.status === 403;
      if (!ok) {
        failures.push(
          `${route.method.toUpperCase()} ${route.path} as ${role} -> ${res.status} (${res.body?.error}), want ${allowed ? 'allowed' : '403'}`,
        );
      }
    }
  }
  return failures;
}
