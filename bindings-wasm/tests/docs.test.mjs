// The `js` code samples of docs/web.md run against the installed package. A line
// `console.log(a, b); // 1 2` whose comment starts with a literal must print what the comment
// says (formatted as util.inspect does), so the page cannot drift from the package.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { inspect } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const page = readFileSync(process.env.KOTACERDAS_WEB_DOC ?? path.join(here, 'web.md'), 'utf8');
const samples = [...page.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);
const LITERAL = /^('|"|-?\d|\{|\[|null\b|true\b|false\b|undefined\b)/;

globalThis.__expect = (values, comment) => {
  const printed = values.map((v) => inspect(v)).join(' ');
  assert.ok(comment.startsWith(printed), `printed ${printed}, the page says ${comment}`);
};

test('docs/web.md has js samples', () => assert.ok(samples.length >= 5, `${samples.length} samples`));

samples.forEach((sample, index) => {
  test(`docs/web.md sample ${index + 1}`, async () => {
    const code = sample.replace(/console\.log\((.*)\);\s*\/\/ (.*)$/gm, (line, args, comment) => {
      if (!LITERAL.test(comment)) return line;
      return `__expect([${args}], ${JSON.stringify(comment)});`;
    });
    const file = path.join(here, `doc-sample-${index + 1}.mjs`);
    writeFileSync(file, code);
    await import(pathToFileURL(file).href);
  });
});
