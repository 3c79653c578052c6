import { journey, shot, log, apiGet } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';
// The bell polls every 20 s; a notification travels decision-service -> Kafka -> notification-service first.
const NEWS = 75_000;

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function isoIn(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A change through the BFF with the page's session and CSRF token, as the app would send it. */
async function apiSend(page, method, path, json, ifMatch) {
  return page.evaluate(async ({ m, p, tag, body }) => {
    const session = await (await fetch('/bff/session', { headers: { 'X-Requested-With': 'JavaScript' } })).json();
    const headers = { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript', 'X-CSRF-Token': session.csrfToken };
    if (tag) headers['If-Match'] = tag;
    const response = await fetch(p, { method: m, headers, body: JSON.stringify(body) });
    return { status: response.status, etag: response.headers.get('ETag'), body: await response.json().catch(() => null) };
  }, { m: method, p: path, tag: ifMatch, body: json });
}

/**
 * A decision alex drives whose prep deadline has already passed: the decision service rates it AT_RISK as it opens
 * and publishes the change, which is what the notification service listens for.
 */
async function openAtRiskDecision(page, title) {
  const created = await apiSend(page, 'POST', '/api/decision/decisions', {
    allianceId: ALLIANCE, title, question: 'Which CRO runs the bridging study?', governanceBody: 'JSC',
    dueDate: isoIn(3), leadTimeDays: 14, driver: 'user:alex', approver: 'user:alex',
    options: [{ key: 'KEEP', title: 'Keep the current CRO' }, { key: 'SWITCH', title: 'Switch CRO' }],
    draft: false,
  });
  expect(created.status === 201, `POST decision: ${created.status} ${JSON.stringify(created.body)}`);
  const id = created.body.id;
  await page.waitForFunction(async (u) => {
    const d = await (await fetch(u, { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } })).json();
    return d.riskState === 'AT_RISK';
  }, `/api/decision/decisions/${id}`, { timeout: NEWS, polling: 1000 });
  log(`decision ${id} opened at risk`);
  return id;
}

async function bellCount(page) {
  const badge = page.getByTestId('notification-count');
  return (await badge.count()) === 0 ? 0 : Number((await badge.innerText()).trim());
}

async function setAtRiskMode(page, mode) {
  const answer = await apiSend(page, 'PUT', '/api/notification/notification-preferences',
    { preferences: [{ kind: 'DECISION_AT_RISK', mode }] });
  expect(answer.status === 200, `PUT preferences: ${answer.status}`);
}

export default [
  journey('driver hears that a decision went at risk, opens it, and turns that kind off', 'alex', async (page) => {
    const suffix = Date.now().toString(36);
    // The stack may have run this journey before: start from "immediately" and nothing unread (the demo's own
    // decisions may tell alex more meanwhile, so the journey counts from where the bell stands).
    await setAtRiskMode(page, 'IMMEDIATE');
    const reset = await apiSend(page, 'POST', '/api/notification/notifications/read-all', {});
    expect(reset.status === 200, `read-all: ${reset.status}`);
    await page.reload();
    await page.getByTestId('notification-bell').waitFor();
    const before = await bellCount(page);
    await shot(page, '95-notifications-before');

    const first = `Bridging study CRO ${suffix}`;
    const firstId = await openAtRiskDecision(page, first);
    // No reload from here on: the bell must pick the news up by itself.
    const started = Date.now();
    await page.waitForFunction((n) => {
      const badge = document.querySelector('[data-testid="notification-count"]');
      return badge && Number(badge.textContent) > n;
    }, before, { timeout: NEWS, polling: 500 });
    log(`bell went from ${before} to ${await bellCount(page)} unread, ${((Date.now() - started) / 1000).toFixed(1)} s after the decision went at risk`);
    await shot(page, '95-notifications-bell-count');

    await page.getByTestId('notification-bell').click();
    const panel = page.getByRole('region', { name: 'Notifications' });
    const entry = panel.getByRole('link', { name: new RegExp(`at risk: ${first}`) });
    await entry.waitFor({ timeout: NEWS });
    await shot(page, '95-notifications-panel');
    await entry.click();
    await page.waitForURL(new RegExp(`/decisions/${firstId}$`));
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    await page.waitForFunction(async (t) => {
      const page = await (await fetch('/api/notification/notifications?limit=50', { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } })).json();
      return page.items.some((n) => n.title.endsWith(t) && n.readAt);
    }, `at risk: ${first}`, { timeout: NEWS, polling: 500 });
    await shot(page, '95-notifications-landed-on-decision');

    await page.getByTestId('notification-bell').click();
    await page.getByRole('link', { name: 'All notifications and preferences' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByLabel('A decision of mine goes at risk').selectOption('OFF');
    await page.getByRole('button', { name: 'Save preferences' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    await shot(page, '95-notifications-preference-off');

    // The next decision goes at risk too, and is then decided. Both events travel in order on the decision's
    // partition, so once "decided" has arrived the "at risk" before it was handled, and must have told nobody.
    const second = `Assay lab ${suffix}`;
    const secondId = await openAtRiskDecision(page, second);
    const current = await apiGet(page, `/api/decision/decisions/${secondId}`);
    const decided = await apiSend(page, 'POST', `/api/decision/decisions/${secondId}/decide`,
      { chosenOption: 'KEEP', rationale: 'Continuity of the assay' }, current.etag);
    expect(decided.status === 200, `decide: ${decided.status} ${JSON.stringify(decided.body)}`);
    await page.waitForFunction(async (t) => {
      const page = await (await fetch('/api/notification/notifications?unread=true&limit=50', { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } })).json();
      return page.items.some((n) => n.title === t);
    }, `Decision taken: ${second}`, { timeout: NEWS, polling: 500 });
    await page.getByTestId('notification-count').waitFor({ timeout: NEWS });
    const unread = await apiGet(page, '/api/notification/notifications?unread=true&limit=50');
    const titles = unread.body.items.map((n) => n.title);
    expect(!titles.some((t) => t.includes(`at risk: ${second}`)), `"at risk" was sent although off: ${titles}`);
    log(`after "off": ${titles.join(' | ')}`);
    await shot(page, '95-notifications-off-respected');
    await setAtRiskMode(page, 'IMMEDIATE');
  }),
];
