// Catches a download (a Blob behind an object URL, clicked through a link) without saving anything.

export interface CaughtDownload {
  name: string;
  type: string;
  text: string;
}

/** Runs `act` with downloads caught; resolves with what would have been saved, in order. */
export async function catchDownloads(act: () => unknown): Promise<CaughtDownload[]> {
  const blobs = new Map<string, Blob>();
  const clicked: { url: string; name: string }[] = [];
  const { createObjectURL } = URL;
  const click = HTMLAnchorElement.prototype.click;
  let n = 0;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:caught/${++n}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
    clicked.push({ url: this.href, name: this.download });
  };
  try {
    await act();
  } finally {
    URL.createObjectURL = createObjectURL;
    HTMLAnchorElement.prototype.click = click;
  }
  return Promise.all(
    clicked.map(async ({ url, name }) => {
      const blob = blobs.get(url)!;
      // Blob.text() decodes UTF-8 and drops a leading byte order mark: read the bytes instead.
      const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await blob.arrayBuffer());
      return { name, type: blob.type, text };
    }),
  );
}
