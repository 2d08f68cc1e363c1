// Public surface of the rate-limit module: other modules import only from here.
export { HeavyRoute, HeavyRouteGuard } from './heavy-route';
