import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router-dom';
import { sprints, teams } from '../api/api';
import type { Sprint, SprintState } from '../api/schemas';

/** Team and sprint chosen on the planning and board screens, kept in the URL so they can be linked. */
export function useSprintChoice(preferStates: SprintState[]) {
  const [params, setParams] = useSearchParams();
  const teamList = useQuery({ queryKey: ['teams'], queryFn: ({ signal }) => teams(signal) });
  const teamId = params.get('team') ?? teamList.data?.[0]?.id;
  const sprintList = useQuery({
    queryKey: ['sprints', teamId],
    queryFn: ({ signal }) => sprints(teamId!, signal),
    enabled: !!teamId,
  });
  const ordered = [...(sprintList.data ?? [])].sort((a, b) => (b.startDate ?? '').localeCompare(a.startDate ?? ''));
  const preferred = preferStates.map((s) => ordered.filter((sp) => sp.state === s).sort((a, b) => (a.startDate ?? '').localeCompare(b.startDate ?? ''))[0]).find(Boolean);
  const sprintId = params.get('sprint') ?? preferred?.id ?? ordered[0]?.id;
  const sprint: Sprint | undefined = ordered.find((s) => s.id === sprintId);
  const choose = (key: 'team' | 'sprint', value: string) => {
    const next = new URLSearchParams(params);
    next.set(key, value);
    if (key === 'team') next.delete('sprint');
    setParams(next, { replace: true });
  };
  return { teamList, sprintList, teamId, sprintId, sprint, sprints: ordered, choose };
}
