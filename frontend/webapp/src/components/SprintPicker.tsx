import { humanize, formatDay } from './format';
import type { useSprintChoice } from './useSprintChoice';

export function SprintPicker({ choice }: { choice: ReturnType<typeof useSprintChoice> }) {
  return (
    <div className="filters" role="group" aria-label="Team and sprint">
      <label className="field inline"><span>Team</span>
        <select aria-label="Team" value={choice.teamId ?? ''} onChange={(e) => choice.choose('team', e.target.value)} disabled={!choice.teamList.data?.length}>
          {(choice.teamList.data ?? []).map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <label className="field inline"><span>Sprint</span>
        <select aria-label="Sprint" value={choice.sprintId ?? ''} onChange={(e) => choice.choose('sprint', e.target.value)} disabled={!choice.sprints.length}>
          {choice.sprints.map((s) => (
            <option key={s.id} value={s.id}>{s.name} · {humanize(s.state)} · {formatDay(s.startDate)}</option>
          ))}
        </select>
      </label>
    </div>
  );
}
