// Small pieces of English that messages, reasons and reports share.

/** "1 meeting", "3 meetings"; `many` for plurals that do not add an s ("2 agencies"). */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "a plan editor", "an action owner"; "A"/"An" at the start of a sentence. */
export const withArticle = (label: string, capital = false): string => {
  const article = /^[aeiou]/i.test(label) ? 'an' : 'a';
  return `${capital ? article[0]!.toUpperCase() + article.slice(1) : article} ${label}`;
};
