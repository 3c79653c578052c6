import { journey, shot, log, apiGet } from '../support.mjs';

const unique = () => Date.now().toString(36).toUpperCase();

/** The CSRF token the BFF wants on a change made outside the app (to play "someone else" in the same session). */
async function changeBehindTheForm(page, path, body, ifMatch) {
  return page.evaluate(async ({ path, body, ifMatch }) => {
    const session = await (await fetch('/bff/session', { headers: { 'X-Requested-With': 'JavaScript' } })).json();
    const response = await fetch(path, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', 'X-Requested-With': 'JavaScript', 'X-CSRF-Token': session.csrfToken, 'If-Match': ifMatch },
      body: JSON.stringify(body),
    });
    return response.status;
  }, { path, body, ifMatch });
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

export default [
  journey('admin registers an alliance, edits it and moves it to its next phase', 'admin', async (page) => {
    await page.getByRole('heading', { name: 'Portfolio' }).waitFor();
    await page.getByRole('table', { name: 'Alliances' }).waitFor();
    await page.getByRole('button', { name: 'Register alliance' }).click();
    const dialog = page.getByRole('dialog', { name: 'Register an alliance' });
    await dialog.waitFor();
    // Sent empty, the service names the fields that are missing, beside them.
    await dialog.getByRole('button', { name: 'Register alliance' }).click();
    await dialog.locator('#a-key-error').waitFor();
    await dialog.locator('#a-name-error').waitFor();
    expect(await dialog.getByLabel('Name').getAttribute('aria-invalid') === 'true', 'name is not marked invalid');
    await shot(page, '50-register-field-errors');

    const key = `E2E-${unique()}`;
    await dialog.getByLabel('Key').fill(key);
    await dialog.getByLabel('Name').fill(`Borealis ${key}`);
    await dialog.getByLabel('Partner').fill('Borealis Therapeutics');
    await dialog.getByLabel('Type').selectOption('LICENSING');
    await dialog.getByLabel('Tier').selectOption('3');
    await dialog.getByLabel('Phase today').selectOption('EVALUATION');
    await dialog.getByLabel('Alliance manager').fill('alex');
    await dialog.getByRole('button', { name: 'Register alliance' }).click();
    await page.waitForURL(`**/alliances/${key}`);
    await page.getByRole('heading', { level: 1, name: `Borealis ${key}` }).waitFor();
    await page.getByRole('heading', { name: 'Phase history' }).waitFor();
    await page.getByTestId('history-entry').first().waitFor();
    await shot(page, '51-alliance-registered');
    let stored = await apiGet(page, `/api/backlog/alliances/${key}`);
    expect(stored.status === 200 && stored.body.phase === 'EVALUATION' && stored.body.tier === 3, `stored alliance: ${JSON.stringify(stored)}`);

    await page.getByRole('button', { name: 'Edit alliance' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit alliance' });
    await edit.getByLabel('Name').fill(`Borealis Bio ${key}`);
    await edit.getByLabel(/^Risk threshold/).fill('10');
    await shot(page, '52-alliance-edit');
    await edit.getByRole('button', { name: 'Save alliance' }).click();
    await page.getByRole('heading', { level: 1, name: `Borealis Bio ${key}` }).waitFor();
    stored = await apiGet(page, `/api/backlog/alliances/${key}`);
    expect(stored.body.name === `Borealis Bio ${key}` && stored.body.riskThreshold === 10 && stored.body.allianceManager === 'alex', `edit not stored: ${JSON.stringify(stored.body)}`);

    // Only the phases the lifecycle allows next are offered.
    await page.getByRole('button', { name: 'Change phase' }).click();
    const move = page.getByRole('dialog', { name: 'Change phase' });
    const offered = await move.getByLabel('Next phase').locator('option').evaluateAll((os) => os.map((o) => o.value));
    expect(JSON.stringify([...offered].sort()) === JSON.stringify([...stored.body.nextPhases].sort()), `offered ${offered}, API allows ${stored.body.nextPhases}`);
    await move.getByLabel('Next phase').selectOption('DUE_DILIGENCE');
    await move.getByLabel('Reason').fill('Term sheet signed');
    await shot(page, '53-phase-change');
    await move.getByRole('button', { name: 'Change phase' }).click();
    await page.getByRole('region', { name: 'Phase history' }).getByText('Reason: Term sheet signed').waitFor();
    await shot(page, '54-phase-history');
    stored = await apiGet(page, `/api/backlog/alliances/${key}`);
    expect(stored.body.phase === 'DUE_DILIGENCE', `phase not stored: ${stored.body.phase}`);
    const history = await apiGet(page, `/api/backlog/alliances/${key}/history?field=phase`);
    expect(history.body.items.length === 2 && history.body.items[0].changes[0].after === 'DUE_DILIGENCE', `phase history: ${JSON.stringify(history.body)}`);
    log(`registered ${key} and moved it to due diligence`);
  }),

  journey('alliance manager edits an alliance, meets a stale edit and moves it through renewal', 'alex', async (page) => {
    const key = 'CDX-QUANTIA';
    // Registering needs membership of the alliance's group: the service says so and the form shows it.
    await page.getByRole('button', { name: 'Register alliance' }).click();
    const register = page.getByRole('dialog', { name: 'Register an alliance' });
    await register.getByLabel('Key').fill(`E2E-${unique()}`);
    await register.getByLabel('Name').fill('Not my alliance');
    await register.getByLabel('Partner').fill('Someone');
    await register.getByRole('button', { name: 'Register alliance' }).click();
    await register.getByRole('alert').getByText(/ask an administrator/).waitFor();
    await shot(page, '55-register-not-a-member');
    await register.getByRole('button', { name: 'Cancel' }).click();

    await page.goto(new URL(`/alliances/${key}`, page.url()).href);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit alliance' }).waitFor();
    const before = (await apiGet(page, `/api/backlog/alliances/${key}`)).body;

    // Someone else saves while the form is open: the save is refused, not an overwrite.
    await page.getByRole('button', { name: 'Edit alliance' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit alliance' });
    await edit.getByLabel(/^Complexity/).fill(String((before.complexityScore % 5) + 1));
    const { key: _k, phase: _p, nextPhases: _n, version: _v, createdAt: _c, updatedAt: _u, ...fields } = before;
    const status = await changeBehindTheForm(page, `/api/backlog/alliances/${key}`, fields, `"${before.version}"`);
    expect(status === 200, `the concurrent change answered ${status}`);
    await edit.getByRole('button', { name: 'Save alliance' }).click();
    await edit.getByText('Changed by someone else — reload').waitFor();
    await shot(page, '56-alliance-stale-edit');
    await edit.getByRole('button', { name: 'Reload' }).click();

    // A phase there and back (execution ↔ renewal) keeps the demo data as it was.
    const start = (await apiGet(page, `/api/backlog/alliances/${key}`)).body.phase;
    const there = start === 'RENEWAL' ? 'EXECUTION' : 'RENEWAL';
    for (const target of [there, start]) {
      await page.getByRole('button', { name: 'Change phase' }).click();
      const move = page.getByRole('dialog', { name: 'Change phase' });
      await move.getByLabel('Next phase').selectOption(target);
      await move.getByLabel('Reason').fill(`E2E ${target.toLowerCase()} ${unique()}`);
      await move.getByRole('button', { name: 'Change phase' }).click();
      await move.waitFor({ state: 'hidden' });
      await page.waitForFunction(async ([k, t]) => (await (await fetch(`/api/backlog/alliances/${k}`, { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } })).json()).phase === t, [key, target]);
    }
    const phases = await apiGet(page, `/api/backlog/alliances/${key}/history?field=phase&limit=2`);
    expect(phases.body.items[0].changes[0].after === start && phases.body.items[1].changes[0].after === there, `phase history: ${JSON.stringify(phases.body.items)}`);
    await page.getByRole('region', { name: 'Phase history' }).getByTestId('history-entry').nth(1).waitFor();
    await shot(page, '57-alliance-renewal-history');
  }),
];
