// Which of the services' write operations the web app reaches. A capability counts as done when its user can do it in
// the browser, so every write operation in the committed OpenAPI documents must either be called through the
// generated client somewhere in src/ or be listed below as API-only, with the reason. Prints the figure.
// Read through Vite (as raw text) rather than node:fs, so that the test type-checks with the app's own settings.
const DOCUMENTS = import.meta.glob('../../openapi/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const SOURCES = import.meta.glob(['../**/*.{ts,tsx}', '!../**/*.test.{ts,tsx}', '!../**/generated/**'],
  { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const SERVICES = ['backlog', 'sprint', 'decision', 'governance', 'notification'] as const;
const WRITES = ['post', 'put', 'patch', 'delete'];

/** Write operations no screen offers, on purpose. Key: "<service> <METHOD> <path>". */
const API_ONLY: Record<string, string> = {
  'governance POST /pulse/{token}': 'answered through the server-rendered survey page at /pulse/<token>: respondents of both companies have no session',
};

function writeOperations(): string[] {
  const ops: string[] = [];
  for (const service of SERVICES) {
    const doc = JSON.parse(DOCUMENTS[`../../openapi/${service}.json`]) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item).filter((m) => WRITES.includes(m))) {
        ops.push(`${service} ${method.toUpperCase()} ${path.replace(/^\/api/, '')}`);
      }
    }
  }
  return ops.sort();
}

function calledOperations(): Set<string> {
  const called = new Set<string>();
  const call = /\b(backlog|sprint|decision|governance|notification)\s*\.\s*(POST|PUT|PATCH|DELETE)\s*\(\s*['"`]([^'"`]+)['"`]/g;
  for (const source of Object.values(SOURCES)) {
    for (const [, service, method, path] of source.matchAll(call)) {
      called.add(`${service} ${method} ${path}`);
    }
  }
  return called;
}

describe('write operations reachable from the web app', () => {
  const ops = writeOperations();
  const called = calledOperations();

  it('calls every write operation of the services or says why it is API-only', () => {
    const reached = ops.filter((op) => called.has(op));
    console.log(`write operations reached from the web app: ${reached.length} of ${ops.length}`
      + ` (API-only by design: ${Object.keys(API_ONLY).length})`);
    expect(ops.filter((op) => !called.has(op) && !(op in API_ONLY))).toEqual([]);
  });

  it('lists as API-only only operations that exist and that no screen calls', () => {
    expect(Object.keys(API_ONLY).filter((op) => !ops.includes(op) || called.has(op))).toEqual([]);
  });

  it('calls no write operation that the services do not have', () => {
    expect([...called].filter((op) => !ops.includes(op))).toEqual([]);
  });
});
