// Builds dist/zh/index.html, the error-code catalogue in Chinese (scripts/error-code-catalogue-zh.mjs), from
// the spec package's catalogue, beside the English page that links to it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { errorCodesPath } from './docs-spec.mjs';
import { readCatalogue } from './error-code-catalogue.mjs';
import { ZH_PAGE, zhCataloguePage } from './error-code-catalogue-zh.mjs';

const output = fileURLToPath(new URL(`../dist/${ZH_PAGE}`, import.meta.url));
mkdirSync(fileURLToPath(new URL('../dist/zh/', import.meta.url)), { recursive: true });
const html = zhCataloguePage(readCatalogue(errorCodesPath));
writeFileSync(output, html);
console.log(`built ${output} (${Math.round(Buffer.byteLength(html) / 1024)} KiB, self-contained)`);
