// Where focus is, through shadow roots: the tracker keeps it in place across its re-renders.

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): HTMLElement | undefined {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

/** `el`'s outermost shadow host that is `host` itself or inside it, or `el` when it is in the page. */
export function hostIn(host: HTMLElement, el: Element): Element {
  let node: Element = el;
  while (node !== host && node.getRootNode() instanceof ShadowRoot) node = (node.getRootNode() as ShadowRoot).host;
  return node;
}
