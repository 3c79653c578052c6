import { apiGet, BASE_URL, journey, log, shot, TIMEOUT } from '../support.mjs';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** A non-admin sees no API link, is told the page is for admins, and the BFF refuses the document itself. */
async function refusedToNonAdmin(page, name) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link').first().waitFor();
  expect(await nav.getByRole('link', { name: 'API', exact: true }).count() === 0, `${name} sees the API link`);
  await page.goto(BASE_URL + '/api-docs/decision');
  await page.getByRole('alert').filter({ hasText: 'Admins only' }).waitFor();
  const doc = await apiGet(page, '/bff/api-docs/decision');
  expect(doc.status === 403 && doc.body?.title === 'Admins only', `${name} read the document: ${doc.status}`);
}

export default [
  journey('an admin reads decision-service\'s API on the API page and filters it', 'admin', async (page) => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'API', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'API' }).waitFor();
    await page.getByText('Choose a service').waitFor();
    await page.getByRole('navigation', { name: 'Services' }).getByRole('link', { name: 'decision-service' }).click();
    await page.waitForURL(/\/api-docs\/decision$/);
    await page.getByRole('heading', { level: 3, name: 'Decisions' }).waitFor({ timeout: TIMEOUT * 2 });
    const all = await page.getByTestId('api-operation').count();

    await page.getByLabel('Filter operations').fill('decisions');
    const post = page.getByTestId('api-operation').filter({ has: page.getByRole('rowheader', { name: '/api/decisions', exact: true }) })
      .filter({ hasText: 'POST' });
    await post.waitFor();
    const roles = await post.locator('td').nth(2).innerText();
    expect(/admin/.test(roles), `POST /api/decisions shows no roles: ${roles}`);
    const shown = await page.getByTestId('api-operation').count();
    log(`decision-service: ${all} operations, ${shown} match "decisions"`);
    expect(shown > 0 && shown < all, `the filter did not narrow ${all} operations (${shown})`);
    await shot(page, '89-api-docs-decision');

    const download = page.getByRole('link', { name: 'Download OpenAPI JSON' });
    expect(await download.getAttribute('href') === '/bff/api-docs/decision', 'the download link points elsewhere');
    const doc = await apiGet(page, '/bff/api-docs/decision');
    expect(doc.status === 200 && doc.body?.paths?.['/api/decisions']?.post, `the document did not come through: ${doc.status}`);
    // The generic proxy route never reaches a service's /q endpoints, not even for an admin.
    for (const path of ['/api/decision/q/openapi', '/api/decision/%2e%2e/q/openapi', '/api/decision/%2E%2E/q/metrics']) {
      const sneaky = await apiGet(page, path);
      expect(!sneaky.body?.openapi && sneaky.status !== 200, `${path} answered ${sneaky.status}`);
    }
  }),
  journey('a team member has no API link and is told the API page is for admins', 'tara', async (page) => {
    await refusedToNonAdmin(page, 'tara');
    await shot(page, '89-api-docs-team-member');
  }),
  journey('a partner is told the API page is for admins', 'priya', async (page) => {
    await refusedToNonAdmin(page, 'priya');
    await shot(page, '89-api-docs-partner');
  }),
];
