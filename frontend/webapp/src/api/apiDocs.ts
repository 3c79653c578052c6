/**
 * The services' OpenAPI documents as the admins' API page reads them (through the BFF, admins only), and the
 * grouping and filtering of their operations. Only the parts the page shows are typed.
 */
import { send } from './http';

export const DOCUMENTED_SERVICES = ['backlog', 'sprint', 'decision', 'governance', 'notification'] as const;
export type DocumentedService = (typeof DOCUMENTED_SERVICES)[number];

export const apiDocsUrl = (service: DocumentedService): string => `/bff/api-docs/${service}`;

interface OpenApiParameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
}

interface OpenApiOperation {
  summary?: string;
  description?: string;
  operationId?: string;
  tags?: string[];
  parameters?: OpenApiParameter[];
  security?: Record<string, string[]>[];
}

export interface OpenApiDocument {
  info?: { title?: string; version?: string };
  tags?: { name: string; description?: string }[];
  paths?: Record<string, Record<string, unknown>>;
}

export interface Operation {
  method: string;
  path: string;
  summary: string;
  /** The roles the document asks for (its security requirement's scopes); empty when it names none. */
  roles: string[];
  parameters: { name: string; in: string; required: boolean }[];
}

export interface OperationGroup {
  tag: string;
  operations: Operation[];
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
const UNTAGGED = 'Other';

export async function apiDocument(service: DocumentedService, signal?: AbortSignal): Promise<OpenApiDocument> {
  return (await send(apiDocsUrl(service), { accept: 'application/json', signal })).json() as Promise<OpenApiDocument>;
}

/** The document's operations by tag (in the document's tag order, then by name), each group ordered by path and method. */
export function groupOperations(doc: OpenApiDocument): OperationGroup[] {
  const groups = new Map<string, Operation[]>();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method] as OpenApiOperation | undefined;
      if (!op) continue;
      const operation: Operation = {
        method: method.toUpperCase(),
        path,
        summary: op.summary ?? op.description ?? '',
        roles: [...new Set((op.security ?? []).flatMap((requirement) => Object.values(requirement).flat()))],
        parameters: (op.parameters ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? p.in === 'path' })),
      };
      for (const tag of op.tags?.length ? op.tags : [UNTAGGED]) {
        groups.set(tag, [...(groups.get(tag) ?? []), operation]);
      }
    }
  }
  const order = (doc.tags ?? []).map((t) => t.name);
  const rank = (tag: string) => (order.includes(tag) ? order.indexOf(tag) : order.length);
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([tag, operations]) => ({
      tag,
      operations: operations.sort((a, b) => a.path.localeCompare(b.path) || METHODS.indexOf(a.method.toLowerCase()) - METHODS.indexOf(b.method.toLowerCase())),
    }));
}

/**
 * The groups with only the operations matching every word of the filter (case-insensitive) in their method, path,
 * summary, tag or roles; groups left empty are dropped.
 */
export function filterOperations(groups: OperationGroup[], filter: string): OperationGroup[] {
  const words = filter.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return groups;
  return groups
    .map((group) => ({
      tag: group.tag,
      operations: group.operations.filter((op) => {
        const text = [op.method, op.path, op.summary, group.tag, ...op.roles].join(' ').toLowerCase();
        return words.every((word) => text.includes(word));
      }),
    }))
    .filter((group) => group.operations.length > 0);
}

export const operationCount = (groups: OperationGroup[]): number => groups.reduce((n, g) => n + g.operations.length, 0);
