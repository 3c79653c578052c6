import { apiGet, BASE_URL, journey, log, shot, TIMEOUT } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';

/**
 * Text that only our side may read, as the demo seed writes it: risk titles and mitigations, decision internal notes,
 * the agenda's internal note and the meeting's internal briefing, plus the names of internal screens and figures and
 * the other alliances. None of it may reach the partner's pages.
 */
const INTERNAL = [
  'Single CMO for the HLX-204 drug substance', 'Qualify a second CMO', 'Hepatotoxicity signal at 400 mg',
  'Independent liver-safety review', 'Helix leadership change slows JSC decisions', 'Early one-to-one with the new Helix co-chair',
  'We can accept 400 mg if Helix funds', 'Our ceiling is EUR 30m', 'Helix prefers the incumbent',
  'concede the liver-safety study', "Helix's new CFO wants", 'Internal notes', 'Internal briefing', 'Internal edition',
  /\bBacklog\b/, /\bSprint\b/, /\bRisk score\b/i, /\bMitigation\b/, /\bCapacity\b/, /\bWorkload\b/,
  'CMB-NORVANE', 'CDX-QUANTIA', 'DTX-ASTER', 'LIC-CORVID',
];

async function assertNothingInternal(text, where) {
  for (const marker of INTERNAL) {
    const hit = typeof marker === 'string' ? text.includes(marker) : marker.test(text);
    if (hit) throw new Error(`${where} shows internal text ${marker}`);
  }
}

/** The page's visible text and every frame's (the packet is shown in a sandboxed frame). */
async function pageText(page) {
  const texts = [];
  for (const frame of page.frames()) texts.push(await frame.locator('body').innerText().catch(() => ''));
  return texts.join('\n');
}

async function checkPage(page, name) {
  await assertNothingInternal(await pageText(page), name);
  await shot(page, name);
}

export default [
  journey('partner sees her joint governance, reads the partner packet, RSVPs, and nothing internal', 'priya', async (page) => {
    // Home: her alliance, the next meetings, decisions due on the joint committees, her action items, the packet.
    await page.waitForURL(/\/home$/);
    await page.getByRole('heading', { name: /^Welcome/ }).waitFor();
    await page.getByTestId('partner-alliance').filter({ hasText: ALLIANCE }).waitFor();
    await page.getByTestId('partner-meeting').filter({ hasText: 'JSC' }).first().waitFor();
    await page.getByTestId('partner-decision').first().waitFor();
    await page.getByTestId('my-action-item').first().waitFor();
    await page.getByTestId('partner-packet').waitFor();
    for (const internal of ['Portfolio', 'Backlog', 'Sprint planning', 'Board', 'Teams', 'Committees']) {
      if (await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: internal }).count()) {
        throw new Error(`a partner is offered "${internal}"`);
      }
    }
    await checkPage(page, '90-partner-home');

    // Her own action item: she reports it done; the team's backlog item closes through the event.
    const markDone = page.getByTestId('my-action-item').getByRole('button', { name: /^Mark done/ });
    if (await markDone.count()) {
      const label = await markDone.first().getAttribute('aria-label');
      await markDone.first().click();
      await page.getByRole('status').filter({ hasText: 'Reported done' }).first().waitFor();
      log(`priya reported done: ${label}`);
    } else {
      log('priya has no open action item left to report done (a re-run on the same data)');
    }

    // The latest packet, in the partner edition only.
    await page.getByRole('link', { name: 'Open the packet (partner edition)' }).click();
    await page.getByTestId('packet-frame').waitFor({ timeout: TIMEOUT * 3 });
    await page.getByRole('heading', { name: /partner edition/ }).waitFor();
    if (await page.getByLabel('Edition').count()) throw new Error('a partner is offered the internal edition');
    if (await page.getByRole('button', { name: 'Generate packet' }).count()) throw new Error('a partner may generate a packet');
    if (await page.getByRole('tab', { name: 'History' }).count()) throw new Error('a partner is offered the meeting history');
    await page.frameLocator('[data-testid=packet-frame]').locator('body').waitFor();
    await checkPage(page, '91-partner-packet');
    const meetingId = new URL(page.url()).pathname.split('/').pop();

    // Her own RSVP (whatever she answered before, she changes it).
    const before = (await apiGet(page, `/api/governance/meetings/${meetingId}`)).body;
    const mine = (before.attendees ?? []).find((a) => a.user === 'priya');
    if (!mine) throw new Error(`priya is not an invitee of ${before.title}`);
    const answer = mine.rsvp === 'ACCEPTED' ? 'TENTATIVE' : 'ACCEPTED';
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByTestId('agenda-item').first().waitFor();
    await page.getByTestId('my-rsvp-select').selectOption(answer);
    await page.getByRole('button', { name: 'Send RSVP' }).click();
    await page.getByRole('status').filter({ hasText: 'RSVP sent' }).waitFor();
    const after = (await apiGet(page, `/api/governance/meetings/${meetingId}`)).body;
    const answered = after.attendees.find((a) => a.user === 'priya').rsvp;
    if (answered !== answer) throw new Error(`RSVP is ${answered}, not ${answer}`);
    log(`priya answered ${answer} to ${after.title}`);
    await checkPage(page, '92-partner-meeting-agenda');
    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByRole('region', { name: 'Minutes' }).or(page.getByLabel('Minutes')).first().waitFor();
    await checkPage(page, '93-partner-meeting-minutes');

    // A decision on a joint committee: question, options, due date; no internal notes or risk state.
    await page.getByRole('link', { name: 'Home' }).click();
    await page.getByTestId('partner-decision').first().getByRole('link').click();
    await page.waitForURL(/\/decisions\/[^/?]+$/);
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    await checkPage(page, '94-partner-decision');

    // Internal pages by their address: an access message, never their data; and the services refuse too.
    for (const path of ['/backlog', '/board', '/planning', '/teams', '/portfolio', `/alliances/${ALLIANCE}`, '/committees']) {
      await page.goto(BASE_URL + path);
      await page.getByTestId('partner-no-access').waitFor();
      await assertNothingInternal(await pageText(page), path);
    }
    await shot(page, '96-partner-no-access');
    for (const path of ['/api/backlog/risks?limit=5', '/api/backlog/backlog-items?limit=5', '/api/sprint/teams?limit=5']) {
      const { status } = await apiGet(page, path);
      if (status !== 403) throw new Error(`${path} answered a partner ${status}, not 403`);
    }
  }),
];
