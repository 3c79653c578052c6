import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { NavLink, useParams } from 'react-router-dom';
import {
  apiDocsUrl, apiDocument, DOCUMENTED_SERVICES, filterOperations, groupOperations, operationCount, type DocumentedService,
  type OperationGroup,
} from '../api/apiDocs';
import { ApiError } from '../api/http';
import { Empty, ErrorState, QueryState } from '../components/States';
import { useSession } from '../session';

/** The services' REST APIs for admins: each service's operations by tag, read from its live OpenAPI document. */
export function ApiDocsPage() {
  const session = useSession();
  const { service } = useParams();
  if (!session.roles.includes('admin')) {
    return (
      <div className="page page-api-docs">
        <h1>API</h1>
        <ErrorState title="Admins only" error={new Error('The API documentation is for administrators.')} />
      </div>
    );
  }
  const chosen = DOCUMENTED_SERVICES.find((s) => s === service);
  return (
    <div className="page page-api-docs">
      <header className="page-header">
        <h1>API</h1>
        <p className="muted">Each service&apos;s REST operations, read from the OpenAPI document it serves now.</p>
      </header>
      <nav aria-label="Services" className="api-services">
        <ul>
          {DOCUMENTED_SERVICES.map((s) => (
            <li key={s}>
              <NavLink to={`/api-docs/${s}`} className={({ isActive }) => `button ${isActive ? '' : 'secondary'} small`}>
                {s}-service
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {service == null ? (
        <Empty title="Choose a service">Its operations appear here, grouped by tag.</Empty>
      ) : chosen == null ? (
        <ErrorState error={new ApiError({ title: 'Not found', status: 404 })} />
      ) : (
        <ServiceOperations key={chosen} service={chosen} />
      )}
    </div>
  );
}

function ServiceOperations({ service }: { service: DocumentedService }) {
  const [filter, setFilter] = useState('');
  const query = useQuery({ queryKey: ['api-docs', service], queryFn: ({ signal }) => apiDocument(service, signal) });
  const groups = useMemo(() => (query.data ? groupOperations(query.data) : []), [query.data]);
  const shown = useMemo(() => filterOperations(groups, filter), [groups, filter]);
  return (
    <section aria-labelledby="api-service-title">
      <div className="toolbar">
        <h2 id="api-service-title">{service}-service{query.data?.info?.version ? ` ${query.data.info.version}` : ''}</h2>
        <a className="button secondary small" href={apiDocsUrl(service)} download={`${service}-service-openapi.json`}>
          Download OpenAPI JSON
        </a>
      </div>
      <QueryState query={query} label="Loading the API document…" isEmpty={() => groups.length === 0}
        empty={<Empty title="No operations">This service&apos;s document lists no operations.</Empty>}>
        {() => (
          <>
            <div className="filters">
              <div className="field">
                <label htmlFor="api-filter">Filter operations</label>
                <input id="api-filter" type="search" value={filter} placeholder="e.g. decisions, POST, admin"
                  onChange={(e) => setFilter(e.target.value)} />
              </div>
            </div>
            <p role="status" className="muted">
              {operationCount(shown)} of {operationCount(groups)} operations
            </p>
            {shown.length === 0 ? <Empty title="No operation matches the filter" /> : shown.map((group) => <Group key={group.tag} group={group} />)}
          </>
        )}
      </QueryState>
    </section>
  );
}

function Group({ group }: { group: OperationGroup }) {
  return (
    <section className="api-group" aria-label={group.tag}>
      <h3>{group.tag}</h3>
      <div className="table-wrap">
        <table className="table compact">
          <thead>
            <tr>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col">Summary</th>
              <th scope="col">Roles</th>
              <th scope="col">Parameters</th>
            </tr>
          </thead>
          <tbody>
            {group.operations.map((op) => (
              <tr key={`${op.method} ${op.path}`} data-testid="api-operation">
                <td><span className={`badge method method-${op.method.toLowerCase()}`}>{op.method}</span></td>
                <th scope="row"><code>{op.path}</code></th>
                <td>{op.summary}</td>
                <td>{op.roles.length ? op.roles.join(', ') : <span className="muted">any signed-in user</span>}</td>
                <td>
                  {op.parameters.length === 0 ? <span className="muted">none</span> : (
                    <ul className="api-params">
                      {op.parameters.map((p) => (
                        <li key={`${p.in} ${p.name}`}>
                          <code>{p.name}</code> <span className="muted">({p.in}{p.required ? ', required' : ''})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
