/** Names for the invisible characters people most often paste in without knowing. */
const NAMES: Readonly<Record<number, string>> = {
  0x09: 'tab',
  0x0a: 'line break',
  0x0d: 'carriage return',
  0xa0: 'no-break space',
  0xad: 'soft hyphen',
  0x200b: 'zero-width space',
  0x200c: 'zero-width non-joiner',
  0x200d: 'zero-width joiner',
  0x200e: 'left-to-right mark',
  0x200f: 'right-to-left mark',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202f: 'narrow no-break space',
  0x2060: 'word joiner',
  0xfeff: 'byte order mark',
};

// Controls, format characters (zero-width, direction marks, the byte order mark), line and
// paragraph separators, spaces other than the plain one, and lone surrogates.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]|(?! )\p{Zs}/gu;

/**
 * A message that may quote input, with each invisible or look-alike-space character written out
 * by its code and name (`[U+200B zero-width space]`), so a person can see why "owner" is not
 * "owner" and find the character to delete.
 */
export function showInvisible(text: string): string {
  return text.replace(INVISIBLE, (c) => {
    const code = c.codePointAt(0)!;
    const name = NAMES[code];
    return `[U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` ${name}` : ''}]`;
  });
}
