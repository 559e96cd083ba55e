/**
 * Where a person is in `<pledge-tracker>` (its view, the open action and the list's filters),
 * written into and read back from the page's URL hash: `#pledge/actions/ETE-04` or
 * `#pledge/actions?workstream=ete&status=red`. Hashes that do not start `#pledge/` belong to
 * the host page (a skip link's `#main`) and are left alone.
 */

/** The list's filters and sort, by the names of `<pledge-action-list>`'s attributes. */
export const ROUTE_FILTERS = ['workstream', 'agency', 'lead-agency', 'owner', 'stage', 'status', 'overdue-only', 'sort-by', 'sort-direction'] as const;
export type RouteFilter = (typeof ROUTE_FILTERS)[number];

export interface TrackerRoute {
  view: string;
  actionId?: string;
  filters: Partial<Record<RouteFilter, string>>;
}

const PREFIX = '#pledge/';

/** The route a hash names, or undefined when the hash is not the tracker's. */
export function readRoute(hash: string): TrackerRoute | undefined {
  if (!hash.startsWith(PREFIX)) return undefined;
  const [path = '', query = ''] = hash.slice(PREFIX.length).split('?', 2);
  const [view = '', ...rest] = path.split('/');
  const actionId = rest.length ? safeDecode(rest.join('/')) : undefined;
  const params = new URLSearchParams(query);
  const filters: TrackerRoute['filters'] = {};
  for (const name of ROUTE_FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  return { view: safeDecode(view), ...(actionId ? { actionId } : {}), filters };
}

/** The hash for a route: filters only where the list is shown, so a link to an action stays short. */
export function writeRoute(route: TrackerRoute): string {
  const path = `${PREFIX}${encodeURIComponent(route.view)}${route.actionId ? `/${encodeURIComponent(route.actionId)}` : ''}`;
  const params = new URLSearchParams();
  if (!route.actionId) for (const name of ROUTE_FILTERS) if (route.filters[name]) params.set(name, route.filters[name]!);
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
