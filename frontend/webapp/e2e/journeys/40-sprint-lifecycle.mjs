import { journey, shot, log, apiGet } from '../support.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** The query parameter the planning and teams pages keep their choice in. */
const param = (page, name) => new URL(page.url()).searchParams.get(name);

async function planSprint(page, name, start, end) {
  await page.getByRole('button', { name: 'Plan a sprint' }).click();
  const form = page.getByRole('dialog', { name: 'Plan a sprint' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Goal').fill('Steering committee packet out on time');
  await form.getByLabel('Start date').fill(start);
  await form.getByLabel('End date').fill(end);
  await form.getByRole('button', { name: 'Plan sprint' }).click();
  await form.waitFor({ state: 'hidden' });
  await page.waitForURL((url) => new URL(url).searchParams.get('sprint') != null);
  await page.getByRole('heading', { name: new RegExp(name), level: 2 }).waitFor();
}

export default [
  journey('team lead sets up a team, plans, commits with assignees, works the board without dragging and closes the sprint', 'gwen', async (page) => {
    const stamp = Date.now().toString(36);
    const teamName = `Journey team ${stamp}`;

    // 1. The team: gwen leads it, tara works in it at half a point a day.
    await page.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Teams', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const form = page.getByRole('form', { name: 'Create team' });
    await form.getByLabel('Name').fill(teamName);
    await form.getByLabel('Description').fill('Prepares steering committees across alliances');
    for (const discipline of ['Governance', 'Contracts', 'Finance', 'Alliance health', 'Project management', 'Legal']) {
      await form.getByRole('checkbox', { name: discipline, exact: true }).check();
    }
    for (const alliance of ['ONC-HELIX', 'CDX-QUANTIA', 'DTX-ASTER']) {
      await form.getByRole('checkbox', { name: new RegExp(`^${alliance}`) }).check();
    }
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByRole('group', { name: 'Member 1' }).getByLabel('User id').fill('gwen');
    await form.getByRole('group', { name: 'Member 1' }).getByLabel('Display name').fill('Gwen Ortiz');
    await form.getByRole('group', { name: 'Member 1' }).getByLabel('Role').selectOption('LEAD');
    await form.getByRole('button', { name: 'Add member' }).click();
    await form.getByRole('group', { name: 'Member 2' }).getByLabel('User id').fill('tara');
    await form.getByRole('group', { name: 'Member 2' }).getByLabel('Display name').fill('Tara Singh');
    await form.getByRole('group', { name: 'Member 2' }).getByLabel('Points per day').fill('0.5');
    await form.getByLabel('In progress').fill('3');
    await shot(page, '40-team-new');
    await form.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('heading', { name: teamName, level: 2 }).waitFor();
    const teamId = param(page, 'team');
    expect(teamId, 'the new team is not selected');
    await page.getByTestId('history-entry').first().waitFor();
    // Editing: the WIP limit of In progress goes from 3 to 4, and the history says so.
    await page.getByRole('button', { name: 'Edit team' }).click();
    await page.getByRole('form', { name: 'Save team' }).getByLabel('In progress').fill('4');
    await page.getByRole('form', { name: 'Save team' }).getByRole('button', { name: 'Save team' }).click();
    await page.getByRole('button', { name: 'Edit team' }).waitFor();
    await page.getByTestId('history-entry').filter({ hasText: 'IN_PROGRESS 4' }).waitFor();
    await shot(page, '41-team-history');
    const team = await apiGet(page, `/api/sprint/teams/${teamId}`);
    expect(team.body.wipLimits.IN_PROGRESS === 4, `WIP limit stored: ${JSON.stringify(team.body.wipLimits)}`);
    expect(team.body.members.length === 2, 'both members are stored');

    // 2. Two sprints: the one to run and the next one, which receives what is not finished.
    await page.goto(new URL(`/planning?team=${teamId}`, page.url()).href);
    await page.getByText('This team has no sprint to plan').waitFor();
    await planSprint(page, `Next ${stamp}`, '2027-01-18', '2027-01-29');
    const nextId = param(page, 'sprint');
    await planSprint(page, `Sprint ${stamp}`, '2027-01-04', '2027-01-15');
    const sprintId = param(page, 'sprint');

    // Capacity: tara is away two days.
    await page.getByRole('button', { name: 'Edit capacity' }).click();
    const capacity = page.getByRole('dialog', { name: /^Capacity of/ });
    await capacity.getByRole('group', { name: /Tara Singh/ }).getByLabel('Absence (days)').fill('2');
    await capacity.getByRole('button', { name: 'Save capacity' }).click();
    await capacity.waitFor({ state: 'hidden' });
    const planned = await apiGet(page, `/api/sprint/sprints/${sprintId}`);
    const tara = planned.body.capacity.find((m) => m.userId === 'tara');
    expect(tara.absenceDays === 2 && tara.capacityPoints === 4, `tara's capacity: ${JSON.stringify(tara)}`);

    // 3. Three items without dragging, the first for tara.
    const candidates = page.getByTestId('candidate');
    await candidates.first().waitFor();
    const titles = [];
    for (let i = 0; i < 3; i++) {
      const row = candidates.first();
      titles.push((await row.locator('.card-title').innerText()).trim());
      await row.getByRole('button', { name: /^Add to sprint/ }).click();
      await page.getByTestId('staged-item').filter({ hasText: titles[i] }).waitFor();
    }
    log(`committing ${titles.join(' | ')}`);
    await page.getByTestId('staged-item').filter({ hasText: titles[0] }).getByLabel('Assignee').selectOption('tara');
    await shot(page, '42-planning-staged');
    await page.getByRole('button', { name: /^Commit 3 items/ }).click();
    const override = page.getByLabel(/Commit over capacity anyway/);
    const done = page.getByTestId('committed-item').filter({ hasText: titles[2] });
    await done.or(override).first().waitFor();
    if (await override.isVisible()) {
      await override.check();
      await page.getByRole('button', { name: /^Commit \d item/ }).click();
    }
    await done.waitFor();
    // The warnings are the sprint service's: one alliance or one member carries too much of this small sprint.
    await page.getByTestId('plan-warning').first().waitFor();
    const committed = await apiGet(page, `/api/sprint/sprints/${sprintId}`);
    const codes = committed.body.planning.warnings.map((w) => w.code);
    expect(codes.length > 0, 'the service gave no warning');
    const shown = await page.getByTestId('plan-warning').allInnerTexts();
    expect(committed.body.planning.warnings.every((w) => shown.includes(w.message)), `page shows ${shown}, service says ${codes}`);
    await shot(page, '43-planning-warnings');
    let boardView = await apiGet(page, `/api/sprint/sprints/${sprintId}/board?swimlanes=ASSIGNEE`);
    const taras = boardView.body.lanes.find((l) => l.key === 'tara');
    expect(taras && taras.count === 1, `tara holds one card: ${JSON.stringify(boardView.body.lanes.map((l) => [l.key, l.count]))}`);

    // 4. One of them comes back out.
    await page.getByRole('button', { name: `Remove ${titles[2]} from the sprint` }).click();
    await page.getByTestId('committed-item').filter({ hasText: titles[2] }).waitFor({ state: 'detached' });

    // 5. Start.
    await page.getByRole('button', { name: 'Start sprint' }).click();
    await page.getByRole('dialog', { name: /^Start/ }).getByRole('button', { name: 'Start sprint' }).click();
    await page.getByRole('button', { name: 'Close sprint…' }).waitFor();

    // 6. The board: the first card moves to In progress and tara hands it back, all from the card's own controls.
    await page.getByRole('link', { name: /Open this sprint's board/ }).click();
    const move = page.getByLabel(`Move ${titles[0]} to`);
    await move.waitFor();
    await move.focus();
    await move.selectOption('IN_PROGRESS');
    await page.getByTestId('column-IN_PROGRESS').getByTestId('board-card').filter({ hasText: titles[0] }).waitFor();
    await page.getByLabel(`Assignee of ${titles[0]}`).selectOption('');
    await page.waitForLoadState('networkidle');
    await shot(page, '44-board-menu');
    boardView = await apiGet(page, `/api/sprint/sprints/${sprintId}/board`);
    const cards = boardView.body.lanes.flatMap((l) => Object.values(l.columns).flat());
    const first = cards.find((c) => c.title === titles[0]);
    expect(first.column === 'IN_PROGRESS' && !first.assignee, `first card: ${JSON.stringify(first)}`);
    expect(!cards.some((c) => c.title === titles[2]), 'the removed card is still on the board');

    // 7. Close: the first item goes into the next sprint, the second back to the backlog.
    await page.goto(new URL(`/planning?team=${teamId}&sprint=${sprintId}`, page.url()).href);
    await page.getByRole('button', { name: 'Close sprint…' }).click();
    const closing = page.getByRole('dialog', { name: /^Close/ });
    await closing.getByRole('group', { name: new RegExp(titles[0].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).getByLabel('Into the next sprint').check();
    await closing.getByRole('group', { name: new RegExp(titles[1].replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) }).getByLabel('Back to the backlog').check();
    await closing.getByLabel('Next sprint', { exact: true }).selectOption(nextId);
    await shot(page, '45-close-sprint');
    await closing.getByRole('button', { name: 'Close sprint' }).click();
    await closing.waitFor({ state: 'hidden' });
    await page.getByText('This sprint is closed').waitFor();
    await page.getByTestId('history-entry').filter({ has: page.locator('strong', { hasText: /^Closed$/ }) }).waitFor();
    await shot(page, '46-sprint-closed');

    const closed = await apiGet(page, `/api/sprint/sprints/${sprintId}/board`);
    expect(closed.body.sprint.state === 'CLOSED', `sprint state ${closed.body.sprint.state}`);
    const closedCards = closed.body.lanes.flatMap((l) => Object.values(l.columns).flat());
    const where = Object.fromEntries(closedCards.map((c) => [c.title, c.disposition]));
    expect(where[titles[0]] === 'NEXT_SPRINT' && where[titles[1]] === 'BACKLOG', `dispositions ${JSON.stringify(where)}`);
    const next = await apiGet(page, `/api/sprint/sprints/${nextId}/board`);
    const nextTitles = next.body.lanes.flatMap((l) => Object.values(l.columns).flat()).map((c) => c.title);
    expect(nextTitles.includes(titles[0]) && !nextTitles.includes(titles[1]), `next sprint holds ${nextTitles}`);
  }),
];
