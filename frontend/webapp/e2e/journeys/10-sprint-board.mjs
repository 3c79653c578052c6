import { journey, shot, log, dragUntil } from '../support.mjs';

export default [
  journey('team member plans a sprint and moves the item across the board', 'tara', async (page) => {
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await page.getByRole('table', { name: 'Alliances' }).waitFor();
    await shot(page, '01-portfolio');
    await page.getByRole('link', { name: 'Backlog' }).click();
    await page.getByTestId('backlog-row').first().waitFor();
    await shot(page, '02-backlog');

    await page.getByRole('link', { name: 'Sprint planning' }).click();
    const sprintSelect = page.getByLabel('Sprint', { exact: true });
    await sprintSelect.waitFor();
    // Cards only move on an active sprint's board, so plan into the team's active sprint.
    const active = await sprintSelect.locator('option').filter({ hasText: 'Active' }).first().getAttribute('value');
    if (!active) throw new Error("tara's team has no active sprint in the demo data");
    // Choosing a sprint resets what is staged: choose only when needed, and let the page settle before dragging.
    if ((await sprintSelect.inputValue()) !== active) await sprintSelect.selectOption(active);
    await page.waitForLoadState('networkidle');
    const candidate = page.getByTestId('candidate').first();
    await candidate.waitFor();
    const title = (await candidate.locator('.card-title').innerText()).trim();
    log(`dragging "${title}" into the sprint`);
    await dragUntil(page, () => candidate, page.getByTestId('sprint-drop-zone'),
      () => page.getByTestId('staged-item').filter({ hasText: title }), `"${title}" into the sprint`);
    await shot(page, '03-sprint-planning');
    await page.getByRole('button', { name: /^Commit 1 item/ }).click();
    // The sprint service decides about capacity: over it, the page offers the audited override.
    const committed = page.getByTestId('committed-item').filter({ hasText: title });
    const override = page.getByLabel(/Commit over capacity anyway/);
    await committed.or(override).first().waitFor();
    if (await override.isVisible()) {
      await override.check();
      await page.getByRole('button', { name: /^Commit 1 item/ }).click();
    }
    await committed.waitFor();

    await page.getByRole('link', { name: /Open this sprint's board/ }).click();
    const todo = page.getByTestId('column-TODO');
    const card = todo.getByTestId('board-card').filter({ hasText: title });
    await card.waitFor();
    // The burndown and velocity charts load after the board; let them land before picking the card up.
    await page.waitForLoadState('networkidle');
    const inProgress = page.getByTestId('column-IN_PROGRESS');
    await dragUntil(page, () => todo.getByTestId('board-card').filter({ hasText: title }), inProgress,
      () => inProgress.getByTestId('board-card').filter({ hasText: title }), `"${title}" into In progress`);
    // The move is stored, not just drawn: it survives a reload.
    await page.reload();
    await page.getByTestId('column-IN_PROGRESS').getByTestId('board-card').filter({ hasText: title }).waitFor();
    await shot(page, '04-board');
    await page.setViewportSize({ width: 820, height: 1180 });
    await shot(page, '05-board-tablet');
  }),
];

