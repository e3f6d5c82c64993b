import { describe, expect, it } from 'vitest';
import { parseRoute, routeHash, type Route } from '../../../src/state/routes.ts';

describe('routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'new' },
    { name: 'about' },
    { name: 'workshop', workshopId: 'w 1' },
    { name: 'edit', workshopId: 'w1' },
    { name: 'results', workshopId: 'w1' },
    { name: 'compare', workshopId: 'w1' },
    { name: 'actions', workshopId: 'w1' },
    { name: 'report', workshopId: 'w1' },
    { name: 'agree', workshopId: 'w1', outcomeId: 'data' },
    { name: 'scoring', workshopId: 'w1', groupId: 'g/1', outcomeId: 'data' },
    { name: 'scoring', workshopId: 'w1', groupId: 'g1', outcomeId: null },
    { name: 'overview', workshopId: 'w1', groupId: 'g1' },
  ];

  it.each(routes)('round-trips %o through the hash', (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });

  it('treats an empty hash as home and unknown addresses as not found', () => {
    expect(parseRoute('')).toEqual({ name: 'home' });
    expect(parseRoute('#/')).toEqual({ name: 'home' });
    expect(parseRoute('#/nope')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/w/1/x/y/z/q')).toEqual({ name: 'not-found' });
    expect(parseRoute('#/w/%E0%A4%A')).toEqual({ name: 'workshop', workshopId: '%E0%A4%A' });
  });
});
