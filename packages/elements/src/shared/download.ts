/**
 * Offers `text` to the person as a file called `name`: a Blob behind an object URL, so it
 * works offline and under a strict Content Security Policy, with no server round trip.
 */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a); // Firefox follows only a link that is in the document
  a.click();
  a.remove();
  // Revoked later, not at once: some browsers read the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
