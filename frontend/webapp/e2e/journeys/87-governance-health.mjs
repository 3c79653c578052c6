import { readFile } from 'node:fs/promises';
import { apiGet, BASE_URL, journey, log, shot, TIMEOUT } from '../support.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

const HEADER = 'figure,label,quarter,alliance,committee,team,value,unit,sample_size,target';

/** The points drawn in one section's charts, by figure key. */
async function pointsBySection(page, section) {
  const region = page.getByRole('region', { name: section });
  await region.locator('figure.trend-chart').first().waitFor({ timeout: TIMEOUT * 2 });
  return region.locator('figure.trend-chart').evaluateAll((charts) => Object.fromEntries(
    charts.map((c) => [c.dataset.testid.replace('chart-', ''), c.querySelectorAll('circle[data-point]').length])));
}

export default [
  journey('governance ops reads the governance health charts, filters by alliance and committee and exports CSV', 'gwen', async (page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Governance health' }).click();
    await page.getByRole('heading', { level: 1, name: 'Governance health' }).waitFor();

    // The demo's history spans the last quarters, so the charts have a line on the first start.
    const decisions = await pointsBySection(page, 'Decisions');
    const packets = await pointsBySection(page, 'Packets');
    const obligations = await pointsBySection(page, 'Obligations');
    log(`points per chart: ${JSON.stringify({ decisions, packets, obligations })}`);
    expect((decisions['decision.cycle-time'] ?? 0) >= 3, `decision cycle time has too few quarters: ${JSON.stringify(decisions)}`);
    expect((packets['packet.lead-time'] ?? 0) >= 3, `packet lead time has too few quarters: ${JSON.stringify(packets)}`);
    expect(Math.max(0, ...Object.values(obligations)) >= 3, `obligations have too few quarters: ${JSON.stringify(obligations)}`);
    const cycle = page.getByTestId('chart-decision.cycle-time');
    const summary = await cycle.getByRole('img').getAttribute('aria-label');
    expect(/quarters: (rising|falling|flat), from .* to /.test(summary), `chart has no trend in words: ${summary}`);
    await cycle.getByText(/^Latest \d{4}-Q\d: /).waitFor();
    await shot(page, '87-health-all');

    await cycle.getByText('Show data').click();
    const table = cycle.getByRole('table', { name: /by quarter/ });
    await table.waitFor();
    expect((await table.getByRole('row').count()) >= 4, 'the data table has too few quarters');
    await shot(page, '87-health-data-table');

    // Filters live in the address: a reload or a shared link shows the same charts.
    await page.getByLabel('Alliance').selectOption('CMB-NORVANE');
    await page.waitForURL(/alliance=CMB-NORVANE/);
    const committee = page.getByLabel('Committee');
    await committee.locator('option', { hasText: 'JSC' }).first().waitFor({ state: 'attached' });
    const jsc = await committee.locator('option', { hasText: 'JSC' }).first().getAttribute('value');
    await committee.selectOption(jsc);
    await page.waitForURL(new RegExp(`committee=${jsc}`));
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Governance health' }).waitFor();
    // The choices arrive with the alliances and committees: read the selects once their options are there.
    await page.getByLabel('Alliance').locator('option[value="CMB-NORVANE"]').waitFor({ state: 'attached' });
    await page.getByLabel('Committee').locator(`option[value="${jsc}"]`).waitFor({ state: 'attached' });
    expect(await page.getByLabel('Alliance').inputValue() === 'CMB-NORVANE', 'the alliance filter did not survive a reload');
    expect(await page.getByLabel('Committee').inputValue() === jsc, 'the committee filter did not survive a reload');
    const filtered = await pointsBySection(page, 'Packets');
    expect((filtered['packet.lead-time'] ?? 0) >= 3, `the Norvane JSC has too few packet quarters: ${JSON.stringify(filtered)}`);
    const health = await apiGet(page, `/api/governance/governance-health?alliance=CMB-NORVANE&committee=${jsc}`);
    expect(health.status === 200 && health.body.items.every((f) => f.allianceKey == null || f.allianceKey === 'CMB-NORVANE'),
      `governance answered other alliances' figures: ${JSON.stringify(health.body).slice(0, 300)}`);
    await shot(page, '87-health-filtered');

    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile(await download.path(), 'utf8');
    const lines = csv.split('\r\n').filter(Boolean);
    expect(lines[0] === HEADER, `CSV header is ${lines[0]}`);
    expect(lines.length > 10, `CSV has only ${lines.length} lines`);
    log(`exported ${download.suggestedFilename()}: ${lines.length - 1} rows`);
    await page.getByRole('status').getByText(/Exported \d+ rows as CSV/).waitFor();
    await shot(page, '87-health-exported');
  }),

  journey('a partner has no governance health entry and is told so on its address', 'priya', async (page) => {
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Home' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Governance health' }).count() === 0, 'partner is offered governance health');
    await page.goto(`${BASE_URL}/governance-health`);
    await page.getByTestId('partner-no-access').waitFor();
    await shot(page, '87-health-partner-no-access');
    for (const service of ['decision', 'governance', 'backlog', 'sprint']) {
      const answer = await apiGet(page, `/api/${service}/governance-health`);
      expect(answer.status === 403, `${service} answered a partner ${answer.status}`);
    }
  }),
];
