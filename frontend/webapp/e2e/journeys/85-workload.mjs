import { apiGet, BASE_URL, journey, log, shot, TIMEOUT } from '../support.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Polls a read through the BFF until it satisfies the condition (the sprint service's views fill from events). */
async function until(page, path, condition, what) {
  const deadline = Date.now() + TIMEOUT * 2;
  let last;
  while (Date.now() < deadline) {
    last = await apiGet(page, path);
    if (last.status === 200 && condition(last.body)) return last.body;
    await page.waitForTimeout(500);
  }
  throw new Error(`${what}: ${JSON.stringify(last?.body)?.slice(0, 400)}`);
}

export default [
  journey('lead sees who is over capacity, the unmanaged tier-3 alliance and the headroom, then edits a capacity and the catalogue', 'admin', async (page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workload' }).click();
    await page.getByRole('heading', { level: 1, name: 'Workload' }).waitFor();
    await page.getByRole('region', { name: 'Warnings' }).getByTestId('workload-warning').first().waitFor();

    // The demo portfolio makes the point at once: a manager over 100 %, and a tier-3 alliance no team covers.
    const load = (await apiGet(page, '/api/sprint/workload?months=3')).body;
    const over = load.managers.filter((m) => m.loadPercent > 100).map((m) => m.id);
    log(`managers: ${load.managers.map((m) => `${m.id} ${m.loadPercent} %`).join(', ')}; warnings: ${load.warnings.map((w) => `${w.kind} ${w.subject}`).join(', ')}`);
    expect(over.includes('alex'), `alex is not over capacity: ${JSON.stringify(load.managers.map((m) => [m.id, m.loadPercent]))}`);
    const alex = page.getByTestId('manager-alex');
    await alex.getByRole('meter', { name: 'alex capacity' }).waitFor();
    expect(/over capacity/.test(await alex.getByRole('meter').getAttribute('aria-valuetext')), 'alex\'s bar does not say over capacity');
    await alex.getByText(/over by \d+/).waitFor();
    const warnings = page.getByRole('region', { name: 'Warnings' });
    await warnings.getByText('Over capacity:').first().waitFor();
    await warnings.getByText('Unmanaged:').first().waitFor();
    const unmanaged = page.getByRole('table', { name: /no team covers/ });
    const kestrel = unmanaged.getByRole('row').filter({ hasText: 'LIC-KESTREL' });
    await kestrel.waitFor();
    await kestrel.getByText('Tier 3').waitFor();
    expect(load.unmanaged.some((u) => u.key === 'LIC-KESTREL' && u.tier === 3), 'LIC-KESTREL is not unmanaged in the API');

    // Headroom: how many more of a tier and phase tara could take, as figures.
    const headroom = page.getByRole('table', { name: 'How many more alliances tara could take before going over 100 %' });
    await headroom.getByRole('row').nth(1).waitFor();
    const tara = load.managers.find((m) => m.id === 'tara');
    const first = tara.headroom[0];
    await headroom.getByRole('row').filter({ hasText: `Tier ${first.tier}` }).first().waitFor();
    await shot(page, '85-workload');

    // Capacity: tara's hours a month, back and forth between two values so that the journey can run again.
    const before = (await apiGet(page, '/api/sprint/alliance-managers/tara')).body;
    const hours = before.hoursPerMonth === 48 ? 52 : 48;
    await page.getByRole('button', { name: 'Edit capacity of tara' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit capacity' });
    await dialog.getByLabel(/^Hours a month tara has/).fill(String(hours));
    await shot(page, '85-workload-capacity');
    await dialog.getByRole('button', { name: 'Save capacity' }).click();
    await dialog.waitFor({ state: 'hidden' });
    const after = await until(page, '/api/sprint/alliance-managers/tara', (m) => m.hoursPerMonth === hours, 'capacity not saved');
    expect(after.version > before.version, `capacity version did not move: ${before.version} → ${after.version}`);
    const fresh = await until(page, '/api/sprint/workload?months=3', (w) => w.managers.some((m) => m.id === 'tara'), 'no workload');
    const capacity = Math.round(fresh.managers.find((m) => m.id === 'tara').capacityHours);
    await page.waitForFunction((max) => document.querySelector('[data-testid="manager-tara"] [role="meter"]')?.getAttribute('aria-valuemax') === String(max), capacity);
    log(`tara's capacity is now ${hours} h a month (${capacity} h over the quarter)`);

    // The service catalogue: one entry's effort, changed and put back. The table opens on tier 1 in execution.
    const catalogue = (await apiGet(page, '/api/sprint/service-catalogue')).body;
    const entry = catalogue.entries.find((e) => e.tier === 1 && e.phase === 'EXECUTION');
    const same = (e) => e.service === entry.service && e.tier === entry.tier && e.phase === entry.phase;
    const table = page.getByRole('table', { name: /Services per tier and phase/ });
    for (const hoursEach of [entry.hoursEach + 0.5, entry.hoursEach]) {
      await table.getByRole('button', { name: /^Edit / }).first().click();
      const edit = page.getByRole('dialog', { name: 'Edit catalogue entry' });
      await edit.getByLabel('Hours each time').fill(String(hoursEach));
      if (hoursEach !== entry.hoursEach) await shot(page, '85-workload-catalogue');
      await edit.getByRole('button', { name: 'Save entry' }).click();
      await edit.waitFor({ state: 'hidden' });
      const saved = await until(page, '/api/sprint/service-catalogue', (c) => c.entries.find(same)?.hoursEach === hoursEach, 'catalogue entry not saved');
      expect(saved.entries.length === catalogue.entries.length, 'the catalogue lost entries');
      await table.getByRole('row').nth(1).getByText(String(hoursEach), { exact: true }).first().waitFor();
    }
    log(`catalogue entry ${entry.service} tier ${entry.tier} ${entry.phase} edited and restored`);
  }),

  journey('alliance manager has the workload page; a team member is told it is not for them', 'tara', async (page) => {
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workload' }).count() === 0, 'team member is offered the workload page');
    await page.goto(`${BASE_URL}/workload`);
    await page.getByRole('alert').getByText('Not available to your role').waitFor();
    await shot(page, '85-workload-not-for-team-members');
  }),

  journey('alliance manager sees his own load on the workload page', 'alex', async (page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workload' }).click();
    await page.getByTestId('manager-alex').getByRole('meter', { name: 'alex capacity' }).waitFor();
    await page.getByRole('table', { name: 'alex’s alliances by tier and phase' }).getByText('CDX-QUANTIA').waitFor();
    await shot(page, '85-workload-alex');
  }),
];
