// What every browser journey shares: the stack's address, logging in through Keycloak, screenshots that are also an
// accessibility check, dragging with real pointer events, and the rule that no token ever reaches the browser.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

export const BASE_URL = (process.env.BASE_URL ?? 'http://localhost:8080').replace(/\/$/, '');
export const SCREENSHOT_DIR = resolve(here, '..', process.env.SCREENSHOT_DIR ?? '../target/e2e-screenshots');
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS ?? 20000);
const PASSWORD = process.env.E2E_PASSWORD ?? 'entente';
mkdirSync(SCREENSHOT_DIR, { recursive: true });

export const log = (...args) => console.log('[e2e]', ...args);

/** A journey: what one user does, start to finish. Files in journeys/ export a list of them as default. */
export const journey = (name, user, body) => ({ name, user, body });

/**
 * Every page a journey shows is checked with axe-core (WCAG 2.2 A/AA rules) before its screenshot is kept: a serious
 * or critical violation fails the journey and names the rule and the elements.
 */
export async function checkAccessibility(page, name) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
      resultTypes: ['violations'],
    });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id} (${v.help}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  if (violations.length) throw new Error(`accessibility of ${name}:\n  ${violations.join('\n  ')}`);
}

/** Checks the page's accessibility, then keeps a full-page screenshot under SCREENSHOT_DIR. */
export async function shot(page, name) {
  await checkAccessibility(page, name);
  await screenshot(page, name);
}

/** A screenshot alone, for a failed journey's last state. */
export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Logs in through the Keycloak login form and waits for the app shell. */
export async function login(page, user) {
  await page.goto(BASE_URL + '/', { waitUntil: 'domcontentloaded' });
  await page.locator('#username').waitFor({ timeout: TIMEOUT * 2 });
  await page.locator('#username').fill(user);
  await page.locator('#password').fill(PASSWORD);
  await Promise.all([
    page.waitForURL((url) => url.toString().startsWith(BASE_URL), { timeout: TIMEOUT * 2 }),
    page.locator('#kc-login').click(),
  ]);
  await page.getByTestId('current-user').waitFor({ timeout: TIMEOUT });
}

/** No access, refresh or ID token may be readable by the page: not in web storage, not in a readable cookie. */
export async function assertNoTokenInBrowser(page, context) {
  const seen = await page.evaluate(() => ({
    local: Object.entries(localStorage),
    session: Object.entries(sessionStorage),
    cookie: document.cookie,
  }));
  const jwt = /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/;
  const entries = [...seen.local, ...seen.session];
  for (const [key, value] of entries) {
    if (/token/i.test(key) || jwt.test(String(value))) throw new Error(`browser storage holds a token: ${key}`);
  }
  if (jwt.test(seen.cookie) || /q_session/.test(seen.cookie)) {
    throw new Error(`document.cookie exposes the session or a token: ${seen.cookie.slice(0, 80)}`);
  }
  const cookies = await context.cookies();
  for (const c of cookies.filter((c) => c.name.startsWith('q_session'))) {
    if (!c.httpOnly) throw new Error(`session cookie ${c.name} is not HttpOnly`);
    if (c.sameSite === 'None') throw new Error(`session cookie ${c.name} has SameSite=None`);
  }
  const session = await page.evaluate(async () => (await fetch('/bff/session', { headers: { 'X-Requested-With': 'JavaScript' } })).text());
  if (jwt.test(session) || /access_?token|refresh_?token|id_?token/i.test(session)) throw new Error('/bff/session returns a token');
}

/**
 * A JSON read through the BFF with the page's own session, to assert what the API holds after a journey's steps
 * (path as the web app calls it, e.g. /api/backlog/backlog-items?limit=5).
 */
export async function apiGet(page, path) {
  return page.evaluate(async (p) => {
    const response = await fetch(p, { headers: { Accept: 'application/json', 'X-Requested-With': 'JavaScript' } });
    return { status: response.status, etag: response.headers.get('ETag'), body: await response.json().catch(() => null) };
  }, path);
}

/** Drags with real pointer events in small steps (dnd-kit needs movement past its activation distance). */
export async function drag(page, source, target) {
  await source.scrollIntoViewIfNeeded();
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2 + 10, from.y + from.height / 2 + 10, { steps: 5 });
  const x = to.x + to.width / 2;
  const y = to.y + Math.min(to.height / 2, 60);
  await page.mouse.move(x, y, { steps: 20 });
  // dnd-kit settles the drop target on a render after the pointer moves: on a busy machine a release right away
  // lands nowhere. Release only once the target shows the item is over it, nudging the pointer meanwhile.
  const targetElement = await target.elementHandle();
  for (let attempt = 0; attempt < 20; attempt++) {
    const over = await page
      .waitForFunction((el) => el.classList.contains('drop-over'), targetElement, { timeout: 1000, polling: 'raf' })
      .then(() => true, () => false);
    if (over) break;
    await page.mouse.move(x + (attempt % 2 ? 3 : -3), y + 2, { steps: 3 });
  }
  await page.mouse.up();
}

/**
 * Drags until {@code landed} shows the result, at most three times. On a busy machine a gesture can be cut short by a
 * re-render (queries refreshing under the pointer) and land nowhere; a user would simply drag again. A drop the page
 * refused (its error state) is not repeated: that is an answer, and the journey fails with it.
 */
export async function dragUntil(page, source, target, landed, what) {
  for (let attempt = 1; ; attempt++) {
    await drag(page, source(), target);
    const done = await landed().waitFor({ timeout: TIMEOUT / 2 }).then(() => true, () => false);
    if (done) return;
    const refusal = page.locator('.state-error');
    if (await refusal.count()) throw new Error(`dropping ${what} was refused: ${(await refusal.first().innerText()).trim()}`);
    if (attempt === 3) throw new Error(`${what} did not land after dragging it three times`);
    log(`the drop of ${what} did not register, dragging again`);
  }
}
