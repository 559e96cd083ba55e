/** A live stream (`/v1/plans/:planId/stream`) read as text, for tests to wait on. */
export interface OpenStream {
  /** Everything read so far. */
  readonly text: string;
  /** Reads until `pattern` matches what was read, or fails after `ms`. */
  until(pattern: RegExp, ms?: number): Promise<string>;
  close(): void;
}

export async function openStream(url: string, token: string, planId: string, headers: Record<string, string> = {}): Promise<OpenStream> {
  const controller = new AbortController();
  const res = await fetch(`${url}/v1/plans/${planId}/stream`, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  return {
    get text() {
      return text;
    },
    async until(pattern, ms = 10_000) {
      const timer = setTimeout(() => controller.abort(), ms);
      try {
        while (!pattern.test(text)) {
          const { value, done } = await reader.read();
          if (done) break;
          text += decoder.decode(value, { stream: true });
        }
      } catch (error) {
        if (!pattern.test(text)) throw new Error(`the stream did not show ${pattern} within ${ms} ms; it had: ${JSON.stringify(text.slice(-500))}`, { cause: error });
      } finally {
        clearTimeout(timer);
      }
      if (!pattern.test(text)) throw new Error(`the stream ended without ${pattern}; it had: ${JSON.stringify(text.slice(-500))}`);
      return text;
    },
    close: () => controller.abort(),
  };
}
