// Generates src/api/generated/<service>.ts from each committed openapi/<service>.json. The web app compiles only
// against these types, so a view or request a service changed is a compile error here, not a surprise in a browser.
// openapi-typescript drives the TypeScript 5 compiler API, which the app's own TypeScript 7 does not offer: that is
// why the generator lives in its own workspace package with its own TypeScript.
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

const webapp = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const documents = path.join(webapp, 'openapi');
const target = path.join(webapp, 'src/api/generated');

const services = (await fs.readdir(documents)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
if (services.length === 0) throw new Error(`No OpenAPI documents in ${documents}`);

await fs.rm(target, { recursive: true, force: true });
await fs.mkdir(target, { recursive: true });
for (const service of services) {
  const document = JSON.parse(await fs.readFile(path.join(documents, `${service}.json`), 'utf8'));
  const ast = await openapiTS(document, { alphabetize: true, enumValues: true });
  const header = `// Generated from openapi/${service}.json by \`npm run gen\`; do not edit.\n\n`;
  await fs.writeFile(path.join(target, `${service}.ts`), header + astToString(ast));
}
console.log(`Generated types for ${services.join(', ')} in ${path.relative(webapp, target)}`);
