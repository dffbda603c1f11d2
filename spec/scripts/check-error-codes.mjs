// The spec's lint of spec/error-codes.yaml (Redocly does not read it): exits non-zero with one line per problem.
import { catalogueProblems, readCatalogue } from './catalogue.mjs';

const catalogue = readCatalogue();
const problems = catalogueProblems(catalogue);
if (problems.length > 0) {
  console.error(`error-codes.yaml: ${problems.length} problem(s)\n${problems.join('\n')}`);
  process.exit(1);
}
console.log(
  `error-codes.yaml: ${Object.keys(catalogue.codes).length} codes in ${Object.keys(catalogue.categories).length} categories, valid`,
);
