/** Every screen of the app, as the URL's hash names it. */
export type Route =
  | { name: 'home' }
  | { name: 'new' }
  | { name: 'about' }
  | { name: 'workshop'; workshopId: string }
  | { name: 'edit'; workshopId: string }
  | { name: 'results'; workshopId: string }
  | { name: 'compare'; workshopId: string }
  | { name: 'agree'; workshopId: string; outcomeId: string }
  | { name: 'actions'; workshopId: string }
  | { name: 'report'; workshopId: string }
  | { name: 'scoring'; workshopId: string; groupId: string; outcomeId: string | null }
  | { name: 'overview'; workshopId: string; groupId: string }
  | { name: 'not-found' };

/** Reads a route from a location hash such as `#/w/<id>/g/<groupId>/data`. */
export function parseRoute(hash: string): Route {
  const parts = hash
    .replace(/^#\/?/, '')
    .split('/')
    .filter((p) => p !== '')
    .map((p) => safeDecode(p));
  const [first, id, second, groupId, outcome] = parts;
  if (parts.length === 0) return { name: 'home' };
  if (first === 'new' && parts.length === 1) return { name: 'new' };
  if (first === 'about' && parts.length === 1) return { name: 'about' };
  if (first !== 'w' || id === undefined) return { name: 'not-found' };
  if (parts.length === 2) return { name: 'workshop', workshopId: id };
  if (parts.length === 3 && second === 'edit') return { name: 'edit', workshopId: id };
  if (parts.length === 3 && second === 'results') return { name: 'results', workshopId: id };
  if (parts.length === 3 && second === 'compare') return { name: 'compare', workshopId: id };
  if (parts.length === 3 && second === 'actions') return { name: 'actions', workshopId: id };
  if (parts.length === 3 && second === 'report') return { name: 'report', workshopId: id };
  if (parts.length === 4 && second === 'agree' && groupId !== undefined)
    return { name: 'agree', workshopId: id, outcomeId: groupId };
  if (second === 'g' && groupId !== undefined && parts.length <= 5) {
    if (outcome === 'overview') return { name: 'overview', workshopId: id, groupId };
    return { name: 'scoring', workshopId: id, groupId, outcomeId: outcome ?? null };
  }
  return { name: 'not-found' };
}

/** The hash for a route: the inverse of `parseRoute`. */
export function routeHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.name) {
    case 'home':
    case 'not-found':
      return '#/';
    case 'new':
      return '#/new';
    case 'about':
      return '#/about';
    case 'workshop':
      return `#/w/${e(route.workshopId)}`;
    case 'edit':
      return `#/w/${e(route.workshopId)}/edit`;
    case 'results':
      return `#/w/${e(route.workshopId)}/results`;
    case 'compare':
      return `#/w/${e(route.workshopId)}/compare`;
    case 'actions':
      return `#/w/${e(route.workshopId)}/actions`;
    case 'report':
      return `#/w/${e(route.workshopId)}/report`;
    case 'agree':
      return `#/w/${e(route.workshopId)}/agree/${e(route.outcomeId)}`;
    case 'overview':
      return `#/w/${e(route.workshopId)}/g/${e(route.groupId)}/overview`;
    case 'scoring':
      return `#/w/${e(route.workshopId)}/g/${e(route.groupId)}${route.outcomeId ? `/${e(route.outcomeId)}` : ''}`;
  }
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
