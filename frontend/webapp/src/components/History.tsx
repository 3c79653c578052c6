import { useQuery } from '@tanstack/react-query';
import type { Change } from '../api/schemas';
import { Dialog } from './Dialog';
import { Empty, QueryState } from './States';
import { formatDateTime, humanize } from './format';

const ACTION_LABEL: Record<string, string> = {
  AllianceRegistered: 'Registered',
  AllianceUpdated: 'Edited',
  AlliancePhaseChanged: 'Phase changed',
  BacklogItemCreated: 'Created',
  BacklogItemUpdated: 'Edited',
  BacklogItemRanked: 'Re-ranked',
  BacklogItemDropped: 'Dropped',
  RiskScored: 'Re-assessed',
};

/** A change's action in words: the event's name without its aggregate (BacklogItemCommitted → Committed). */
export function actionLabel(action?: string): string {
  if (!action) return 'Changed';
  return ACTION_LABEL[action] ?? humanize(action.replace(/^(Alliance|BacklogItem|Item|Risk|Obligation|Decision|GovernanceBody|Meeting|Sprint|Team)/, '').replace(/([a-z])([A-Z])/g, '$1_$2'));
}

/** Who changed what, when: one entry per change, the fields it changed (or only one of them) as before → after. */
export function History({ changes, label, only }: { changes: Change[]; label: string; only?: string }) {
  return (
    <ol className="history" aria-label={label}>
      {changes.map((c) => (
        <li key={c.id} data-testid="history-entry">
          <div className="history-head">
            <strong>{actionLabel(c.action)}</strong>
            <span className="muted"> by {c.actor} · <time dateTime={c.at}>{formatDateTime(c.at)}</time></span>
          </div>
          {c.reason && <p className="history-reason">Reason: {c.reason}</p>}
          {(c.changes ?? []).some((f) => !only || f.field === only) && (
            <ul className="history-changes">
              {c.changes!.filter((f) => !only || f.field === only).map((f) => (
                <li key={f.field}>
                  <span className="history-field">{humanize(f.field?.replace(/([a-z])([A-Z])/g, '$1_$2'))}</span>{' '}
                  {f.before != null && <><del>{f.before}</del> → </>}
                  <ins>{f.after ?? '(cleared)'}</ins>
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}

/** An object's history in a dialog, loaded when it opens: for rows of a register that have no page of their own. */
export function HistoryDialog({ title, queryKey, load, onClose }: {
  title: string; queryKey: unknown[]; load: (signal: AbortSignal) => Promise<Change[]>; onClose: () => void;
}) {
  const changes = useQuery({ queryKey, queryFn: ({ signal }) => load(signal) });
  return (
    <Dialog title={title} open onClose={onClose}>
      <QueryState query={changes} label="Loading history…" isEmpty={(list) => list.length === 0} empty={<Empty title="No changes recorded" />}>
        {(list) => <History changes={list} label={`${title}, newest first`} />}
      </QueryState>
    </Dialog>
  );
}
