import { describe, expect, it } from 'vitest';
import { filterOperations, groupOperations, operationCount, type OpenApiDocument } from './apiDocs';

// Read through Vite as raw text, as writeCoverage.test.ts does, so the test type-checks with the app's settings.
const decisionDocument = JSON.parse(Object.values(import.meta.glob('../../openapi/decision.json',
  { query: '?raw', import: 'default', eager: true }) as Record<string, string>)[0]) as OpenApiDocument;

const doc: OpenApiDocument = {
  tags: [{ name: 'Decisions' }, { name: 'Calendar feeds' }],
  paths: {
    '/api/decisions/{id}': {
      get: { summary: 'One decision', tags: ['Decisions'], parameters: [{ name: 'id', in: 'path' }] },
      patch: { summary: 'Change it', tags: ['Decisions'], security: [{ SecurityScheme: ['admin', 'alliance-manager'] }] },
    },
    '/api/decisions': {
      post: { summary: 'Open a decision', tags: ['Decisions'], security: [{ SecurityScheme: ['admin'] }, { other: ['admin', 'governance-ops'] }] },
      get: { summary: 'List decisions', tags: ['Decisions'], parameters: [{ name: 'limit', in: 'query' }, { name: 'allianceId', in: 'query', required: true }] },
    },
    '/calendar/{file}': { get: { summary: 'The feed', tags: ['Calendar feeds'] } },
    '/api/ping': { get: { description: 'No tag, no summary' }, parameters: [] },
  },
};

describe('grouping a service document by tag', () => {
  it('keeps the document tag order, untagged operations last, and orders each group by path then method', () => {
    const groups = groupOperations(doc);
    expect(groups.map((g) => g.tag)).toEqual(['Decisions', 'Calendar feeds', 'Other']);
    expect(groups[0].operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      'GET /api/decisions', 'POST /api/decisions', 'GET /api/decisions/{id}', 'PATCH /api/decisions/{id}',
    ]);
    expect(groups[2].operations[0].summary).toBe('No tag, no summary');
  });

  it('reads roles from the security requirements and marks path and required parameters', () => {
    const [decisions] = groupOperations(doc);
    const post = decisions.operations.find((o) => o.method === 'POST');
    expect(post?.roles).toEqual(['admin', 'governance-ops']);
    const list = decisions.operations[0];
    expect(list.roles).toEqual([]);
    expect(list.parameters).toEqual([{ name: 'limit', in: 'query', required: false }, { name: 'allianceId', in: 'query', required: true }]);
    expect(decisions.operations[2].parameters).toEqual([{ name: 'id', in: 'path', required: true }]);
  });

  it('reads the committed decision-service document, POST /api/decisions with its roles included', () => {
    const groups = groupOperations(decisionDocument);
    const post = groups.flatMap((g) => g.operations).find((o) => o.method === 'POST' && o.path === '/api/decisions');
    expect(post?.roles).toContain('admin');
    expect(operationCount(groups)).toBeGreaterThan(10);
  });
});

describe('filtering operations', () => {
  const groups = groupOperations(doc);

  it('matches every word case-insensitively against method, path, summary, tag and roles, dropping empty groups', () => {
    expect(filterOperations(groups, '  ')).toBe(groups);
    const posts = filterOperations(groups, 'post DECISIONS');
    expect(posts.map((g) => g.tag)).toEqual(['Decisions']);
    expect(posts[0].operations.map((o) => `${o.method} ${o.path}`)).toEqual(['POST /api/decisions']);
    expect(operationCount(filterOperations(groups, 'calendar'))).toBe(1);
    expect(operationCount(filterOperations(groups, 'alliance-manager'))).toBe(1);
    expect(filterOperations(groups, 'nothing-like-this')).toEqual([]);
  });
});
