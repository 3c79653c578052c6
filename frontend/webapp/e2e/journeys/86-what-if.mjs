import { apiGet, journey, log, shot, TIMEOUT } from '../support.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const ORBIS = 'CDX-ORBIS';

export default [
  journey('lead tries a re-tier, a move and a hypothetical alliance, then applies the re-tier for real', 'admin', async (page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Workload' }).click();
    const form = page.getByRole('form', { name: 'Add a what-if change' });
    await form.waitFor();
    const orbis = (await apiGet(page, `/api/backlog/alliances/${ORBIS}`)).body;
    const lumen = (await apiGet(page, '/api/backlog/alliances/RES-LUMEN')).body;
    // Back and forth between tiers 2 and 3, so that the journey can run again on the same data.
    const tier = orbis.tier === 2 ? 3 : 2;

    await form.getByLabel('Change', { exact: true }).selectOption('RETIER');
    await form.getByLabel('Alliance', { exact: true }).selectOption(ORBIS);
    await form.getByLabel('New tier').selectOption(String(tier));
    await form.getByRole('button', { name: 'Add change' }).click();

    await form.getByLabel('Change', { exact: true }).selectOption('MOVE');
    await form.getByLabel('Alliance', { exact: true }).selectOption('RES-LUMEN');
    const target = lumen.allianceManager === 'tara' ? 'alex' : 'tara';
    await form.getByLabel('New manager').selectOption(target);
    await form.getByRole('button', { name: 'Add change' }).click();

    await form.getByLabel('Change', { exact: true }).selectOption('ADD');
    await form.getByLabel('Tier', { exact: true }).selectOption('1');
    await form.getByLabel('Phase', { exact: true }).selectOption('LAUNCH');
    await form.getByLabel('Manager', { exact: true }).selectOption('tara');
    await form.getByLabel('Partner (optional)').fill('Halcyon Therapeutics');
    await form.getByRole('button', { name: 'Add change' }).click();
    await page.getByTestId('what-if-change').nth(2).waitFor();

    await page.getByRole('button', { name: 'Show the effect' }).click();
    const result = page.getByRole('table', { name: /before → after/ });
    await result.waitFor();
    // Every manager and team is in the table, with the load before and after.
    const taraRow = result.getByTestId('what-if-row-tara');
    await taraRow.waitFor();
    expect(!/no change/.test(await taraRow.innerText()), `tara's load did not change: ${await taraRow.innerText()}`);
    await result.getByTestId(`what-if-row-${lumen.allianceManager}`).waitFor();
    await shot(page, '86-what-if');

    // Nothing was saved.
    const unchanged = (await apiGet(page, '/api/backlog/alliances/RES-LUMEN')).body;
    expect(unchanged.allianceManager === lumen.allianceManager && unchanged.version === lumen.version, 'the what-if saved the move');
    expect((await apiGet(page, `/api/backlog/alliances/${ORBIS}`)).body.tier === orbis.tier, 'the what-if saved the re-tier');
    // A hypothetical alliance cannot be applied; the real changes can.
    expect(await page.getByRole('button', { name: /^Apply for real: New tier 1/ }).count() === 0, 'a hypothetical alliance is offered for saving');

    await page.getByRole('button', { name: `Apply for real: ${ORBIS} to tier ${tier}` }).click();
    // Saved in the backlog service at once; the workload shows it when the event has reached the sprint service.
    await page.getByTestId('workload-status').getByText(`now shows the saved change to ${ORBIS}`).waitFor({ timeout: TIMEOUT * 2 });
    const saved = (await apiGet(page, `/api/backlog/alliances/${ORBIS}`)).body;
    expect(saved.tier === tier && saved.version > orbis.version, `re-tier not saved: ${JSON.stringify(saved)}`);
    const load = (await apiGet(page, '/api/sprint/workload?months=3')).body;
    const row = load.managers.flatMap((m) => m.alliances).find((a) => a.key === ORBIS)
      ?? load.unmanaged.find((u) => u.key === ORBIS);
    expect(row?.tier === tier, `the workload does not show ${ORBIS} at tier ${tier}: ${JSON.stringify(row)}`);
    await page.getByRole('table', { name: `${saved.allianceManager}’s alliances by tier and phase` })
      .getByRole('row').filter({ hasText: ORBIS }).getByText(`Tier ${tier}`).waitFor();
    const history = (await apiGet(page, `/api/backlog/alliances/${ORBIS}/history?limit=1`)).body;
    expect(history.items[0].changes.some((c) => c.field === 'tier'), `no audited tier change: ${JSON.stringify(history.items[0])}`);
    await shot(page, '86-what-if-applied');
    log(`${ORBIS} re-tiered ${orbis.tier} → ${tier} from the what-if`);
  }),
];
