/**
 * Registers `ctor` as `name` unless that name is taken: registering twice does not throw,
 * and a host that already uses a name can register our class under another one.
 */
export function defineElement(name: string, ctor: CustomElementConstructor, registry: CustomElementRegistry = customElements): void {
  if (!registry.get(name)) registry.define(name, ctor);
}
