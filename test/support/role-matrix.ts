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

export interface StaffRouteCase {
  method: RouteCase['method'];
  path: string;
  body?: object;
}

/**
 * Course staff x route check for one instructor (or admin) token. `refused`: every route
 * answers 404, as a record outside one's scope does; `allowed`: no route answers 401, 403 or
 * 404 (the status then depends on the body and data, which feature tests cover).
 */
export async function checkCourseStaffMatrix(
  ctx: TestContext,
  routes: StaffRouteCase[],
  token: string,
  expectation: 'refused' | 'allowed',
): Promise<string[]> {
  const failures: string[] = [];
  for (const route of routes) {
    const res = await ctx
      .http()
      [route.method](route.path)
      .set('Authorization', `Bearer ${token}`)
      .send(route.body ?? {});
    const ok =
      expectation === 'refused' ? res.status === 404 : ![401, 403, 404].includes(res.status);
    if (!ok) {
      failures.push(
        `${route.method.toUpperCase()} ${route.path} -> ${res.status} (${res.body?.error}), want ${expectation === 'refused' ? '404' : 'allowed'}`,
      );
    }
  }
  return failures;
}
