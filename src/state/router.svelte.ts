import { parseRoute, routeHash, type Route } from './routes.ts';

const LAST_ROUTE_KEY = 'outcomes-workshop:last-route';

/** The current screen, following the URL hash; remembers the last screen so reopening returns to it. */
class Router {
  route = $state<Route>({ name: 'home' });
  /** Counts screen changes, so the shell can move focus after each one (not on first load). */
  changes = $state(0);

  start(): void {
    // Only a bare start (the home-screen icon opens `/`) returns to the last screen; `#/` means home.
    if (location.hash === '' || location.hash === '#') {
      const last = readLastRoute();
      if (last) history.replaceState(null, '', last);
    }
    this.route = parseRoute(location.hash);
    addEventListener('hashchange', () => {
      this.route = parseRoute(location.hash);
      this.changes += 1;
      rememberRoute(location.hash);
    });
  }

  /** Goes to a route, adding it to the history. */
  go(route: Route): void {
    location.hash = routeHash(route);
  }

  /** Goes to a route in place of the current one (for example after a delete, so Back does not return to it). */
  replace(route: Route): void {
    history.replaceState(null, '', routeHash(route));
    this.route = route;
    this.changes += 1;
    rememberRoute(routeHash(route));
  }
}

// localStorage can throw (private modes, storage blocked): remembering the screen is a nicety, never fatal.
function readLastRoute(): string | null {
  try {
    return localStorage.getItem(LAST_ROUTE_KEY);
  } catch {
    return null;
  }
}

function rememberRoute(hash: string): void {
  try {
    localStorage.setItem(LAST_ROUTE_KEY, hash);
  } catch {
    /* see readLastRoute */
  }
}

export const router = new Router();
