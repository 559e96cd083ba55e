/**
 * The href to render for a URL that came from data, or undefined when it must not become a
 * link: only `https:` (and, when allowed, a relative path on this site) ever does, so
 * `javascript:`, `data:`, `vbscript:` and the like are shown as plain text.
 */
export function safeHref(url: string | undefined, options: { allowRelative?: boolean; base?: string } = {}): string | undefined {
  if (!url) return undefined;
  const text = url.trim();
  if (options.allowRelative && /^(\/(?!\/)|\.{1,2}\/)/.test(text)) {
    try {
      const resolved = new URL(text, options.base ?? 'https://relative.invalid/');
      return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? text : undefined;
    } catch {
      return undefined;
    }
  }
  try {
    const parsed = new URL(text);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
