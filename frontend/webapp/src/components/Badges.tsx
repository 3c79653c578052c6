import { humanize } from './format';

export function TierBadge({ tier }: { tier?: number }) {
  if (tier == null) return null;
  return (
    <span className={`badge tier tier-${tier}`} title={`Tier ${tier}: ${tierMeaning(tier)}`}>
      Tier {tier}
    </span>
  );
}

function tierMeaning(tier: number): string {
  if (tier === 1) return 'full alliance management';
  if (tier === 2) return 'managed';
  return 'light touch';
}

export function PhaseBadge({ phase }: { phase?: string }) {
  if (!phase) return null;
  return <span className={`badge phase phase-${phase.toLowerCase()}`}>{humanize(phase)}</span>;
}

const RISK_LABEL: Record<string, string> = { ON_TRACK: 'On track', AT_RISK: 'At risk', OVERDUE: 'Overdue' };

export function RiskBadge({ state }: { state?: string | null }) {
  if (!state) return null;
  return <span className={`badge risk risk-${state.toLowerCase()}`}>{RISK_LABEL[state] ?? humanize(state)}</span>;
}

export function StatusBadge({ status }: { status?: string }) {
  if (!status) return null;
  return <span className={`badge status status-${status.toLowerCase()}`}>{humanize(status)}</span>;
}

export function AllianceTag({ id }: { id?: string | null }) {
  if (!id) return null;
  return <span className="badge alliance">{id}</span>;
}
