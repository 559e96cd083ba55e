// Parts of a doc written from the code sit between two markers; the prose around them is the
// author's. A script rewrites only what is between, and a test checks that nothing changes.

const start = (name, script) => `<!-- ${name}:start (written by \`npm run ${script}\`: do not edit) -->`;
const end = (name) => `<!-- ${name}:end -->`;

/** `doc` with the part called `name` replaced by `body`; throws when the doc has no such part. */
export function replacePart(doc, name, script, body) {
  const [from, to] = [start(name, script), end(name)];
  const i = doc.indexOf(from);
  const j = doc.indexOf(to, i);
  if (i < 0 || j < 0) throw new Error(`the doc has no part "${name}": put ${from} and ${to} around it`);
  return `${doc.slice(0, i + from.length)}\n${body}\n${doc.slice(j)}`;
}
