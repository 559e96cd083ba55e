// @custom-elements-manifest/analyzer config for @pledgeflow/elements. Run it from this folder
// (`npm run manifest` at the root does): module paths in the manifest are relative to it.
// `npm run docs:elements` then writes docs/elements/ from the manifest.

/**
 * Three fixes for how the analyzer reads our Lit classes:
 * - `this.dispatchEvent(new PledgeStepEvent(...))` gives an event with a type but no name, since
 *   the name is the class's `static type`. Name it from that, merged with the `@event` tag.
 * - Lit's `{ state: true }` properties are internal state, never attributes.
 * - A field's own comment replaces the class's `@attr` text for its attribute; the `@attr`
 *   text, written for HTML authors, should win, as JSDoc on the class does everywhere else.
 */
function pledgeflowPlugin() {
  /** Event class name -> its `static type` ('pledge-step'), from every module. */
  const eventNames = new Map();
  return {
    name: 'pledgeflow-events-and-state',
    collectPhase({ ts, node }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      for (const member of node.members) {
        const isStatic = ts.getModifiers?.(member)?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (isStatic && ts.isPropertyDeclaration(member) && member.name.getText() === 'type' && member.initializer && ts.isStringLiteral(member.initializer)) {
          eventNames.set(node.name.getText(), member.initializer.text);
        }
      }
    },
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const classDoc = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!classDoc) return;

      const events = [];
      for (const event of classDoc.events ?? []) {
        const name = event.name || eventNames.get(event.type?.text);
        const same = events.find((e) => e.name === name && name);
        if (same) Object.assign(same, { ...event, ...same, name });
        else events.push(name ? { ...event, name } : event);
      }
      if (classDoc.events) classDoc.events = events;

      for (const tag of ts.getJSDocTags(node)) {
        if (tag.tagName.text !== 'attr' && tag.tagName.text !== 'attribute') continue;
        const [, name, description] = /^(\S+)\s+-\s+([\s\S]+)$/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '') ?? [];
        const attribute = classDoc.attributes?.find((a) => a.name === name);
        if (attribute) attribute.description = description.replace(/\s+/g, ' ').trim();
      }

      const properties = node.members.find((m) => m.name?.getText() === 'properties' && ts.isPropertyDeclaration(m) && m.initializer && ts.isObjectLiteralExpression(m.initializer));
      const state = new Set(
        (properties?.initializer.properties ?? [])
          .filter((p) => ts.isPropertyAssignment(p) && ts.isObjectLiteralExpression(p.initializer))
          .filter((p) => p.initializer.properties.some((o) => o.name?.getText() === 'state' && o.initializer?.kind === ts.SyntaxKind.TrueKeyword))
          .map((p) => p.name.getText()),
      );
      if (!state.size) return;
      classDoc.attributes = classDoc.attributes?.filter((a) => !state.has(a.fieldName));
      for (const member of classDoc.members ?? []) {
        if (state.has(member.name)) delete member.attribute;
      }
    },
  };
}

export default {
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts'],
  outdir: '.',
  // Reads Lit's static `properties`. Our elements extend PledgeElement, not LitElement, so
  // each class names its tag with `@customElement pledge-...`.
  litelement: true,
  // The analyzer would write a `customElements` field into package.json; ours is written by hand.
  packagejson: false,
  plugins: [
    pledgeflowPlugin(),
    {
      // Files are found in the order the file system gives; sort them so every machine writes the same manifest.
      name: 'pledgeflow-module-order',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      },
    },
  ],
};
