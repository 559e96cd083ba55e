// With `npm start`, the page is served next to a pledgeflow server (development mode): this
// connects the page's <pledge-tracker> to it. Served without one (examples/plain-html, or
// any static server), `server.json` is missing and the page keeps working in the browser alone.
import type { PledgeTracker } from '@pledgeflow/elements';

interface ServerSettings {
  /** The server's address, relative to this page (scripts/serve.js proxies /v1 and /dev to it). */
  server: string;
  plan: string;
}

/** Signs the person the switcher has chosen in through the development sign-in; one token per person, kept until refused. */
function devTokenProvider(element: PledgeTracker, server: string) {
  const tokens = new Map<string, Promise<string | undefined>>();
  return async () => {
    const userId = element.actor?.userId;
    if (!userId) return undefined;
    let token = tokens.get(userId);
    if (!token) {
      token = fetch(new URL('dev/sign-in', server), {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }),
      }).then(async (res) => (res.ok ? ((await res.json()) as { token: string }).token : undefined));
      tokens.set(userId, token);
      // Asked again after a 401: the next call signs in afresh.
      void token.then(() => setTimeout(() => tokens.delete(userId), 0));
    }
    return token;
  };
}

/** Connects the element to the example's server when there is one; false when the page runs alone. */
export async function startSynced(element: PledgeTracker): Promise<boolean> {
  let settings: ServerSettings | undefined;
  try {
    const res = await fetch(new URL('server.json', document.baseURI));
    if (res.ok) settings = (await res.json()) as ServerSettings;
  } catch {
    settings = undefined;
  }
  if (!settings?.server || !settings.plan) return false;
  const server = new URL(settings.server, document.baseURI).href;
  await customElements.whenDefined('pledge-tracker');
  element.tokenProvider = devTokenProvider(element, server);
  element.server = server;
  element.plan = settings.plan;
  await element.updateComplete;
  await element.loaded;
  return true;
}
