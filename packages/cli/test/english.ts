// The test of "no English sentence": four or more Latin words in a row, one of them an English function word,
// as the catalogue's check defines it (spec/scripts/catalogue.mjs). Commands, flags and product names pass.
const FUNCTION_WORDS = new Set(
  'a an the and or but if then than to of in on at by for from with without into onto is are was were be been it its this that these those you your we our do does not no can cannot must should will when while before after until as so there here which what who'.split(
    ' ',
  ),
);

export function englishSentences(text: string): string[] {
  return [...text.matchAll(/[A-Za-z][A-Za-z'-]*(?:[ ,]+[A-Za-z][A-Za-z'-]*){3,}/g)]
    .map(([run]) => run)
    .filter((run) => run.split(/[ ,]+/).some((word) => FUNCTION_WORDS.has(word.toLowerCase())));
}
