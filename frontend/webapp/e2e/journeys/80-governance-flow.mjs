import { apiGet, journey, log, shot, TIMEOUT } from '../support.mjs';

const TYPES = ['FINANCE', 'JCC', 'EXECUTIVE_SPONSORS', 'JDC'];

const isoDay = (date) => date.toISOString().slice(0, 10);

/** Waits until a read through the BFF satisfies the check (events take a moment to reach the other services). */
async function eventually(page, path, check, what) {
  const deadline = Date.now() + TIMEOUT * 3;
  let last;
  while (Date.now() < deadline) {
    last = await apiGet(page, path);
    if (last.status === 200 && check(last.body)) return last.body;
    await page.waitForTimeout(500);
  }
  throw new Error(`${what}: ${path} answered ${last?.status} ${JSON.stringify(last?.body).slice(0, 300)}`);
}

/**
 * An alliance gwen runs governance for that has an open decision with options (for the committee to take) and a
 * committee type not set up yet (the journey may run again on the same data).
 */
async function pickAllianceAndType(page) {
  const bodies = (await apiGet(page, '/api/governance/governance-bodies?limit=200')).body.items;
  const taken = new Set(bodies.map((b) => `${b.allianceId}:${b.type}`));
  const alliances = (await apiGet(page, '/api/backlog/alliances?limit=200')).body.items.map((a) => a.key);
  for (const alliance of alliances) {
    const type = TYPES.find((t) => !taken.has(`${alliance}:${t}`));
    if (!type) continue;
    const decisions = (await apiGet(page, `/api/decision/decisions?allianceId=${alliance}&limit=200`)).body.items;
    const decision = decisions.find((d) => d.status === 'OPEN' && (d.options ?? []).length > 0);
    if (decision) return { alliance, type, decision };
  }
  throw new Error('no alliance with an open decision and a free committee type (reset the demo data: ./entente reset --yes)');
}

export default [
  journey('governance ops sets up a committee, holds its meeting and approves the minutes', 'gwen', async (page) => {
    const stamp = Date.now().toString(36);
    await page.getByRole('link', { name: 'Committees' }).click();
    await page.getByRole('heading', { name: 'Committees', level: 1 }).waitFor();
    await page.getByTestId('committee').first().waitFor();
    await shot(page, '80-committees');

    // Set up a committee with members from both companies and a co-chair from each.
    const { alliance, type, decision } = await pickAllianceAndType(page);
    log(`committee ${type} for ${alliance}; the meeting takes decision ${decision.id} (${decision.title})`);
    const name = `Journey ${type} ${stamp}`;
    await page.getByRole('button', { name: 'New committee' }).click();
    const create = page.getByRole('dialog', { name: 'New committee' });
    await create.getByLabel('Alliance').selectOption(alliance);
    await create.getByLabel('Type').selectOption(type);
    await create.getByLabel('Name', { exact: true }).fill(name);
    await create.getByLabel('Quorum (voting members present)').fill('2');
    await create.getByLabel('Cadence').selectOption('QUARTERLY');
    await create.getByLabel('Decision rights').fill('Budget variances above EUR 1m');
    await create.getByLabel('Name of member 1').fill('Dr. Maria Lindqvist');
    await create.getByLabel('Organisation of member 1').fill('Entente Bio');
    await create.getByLabel('Name of member 2').fill('Dr. Robin Keller');
    await create.getByLabel('Organisation of member 2').fill('Partner Pharma');
    await create.getByRole('button', { name: 'Add member' }).click();
    await create.getByLabel('Name of member 3').fill('Alex Moreau');
    await create.getByLabel('Organisation of member 3').fill('Entente Bio');
    await shot(page, '81-committee-form');
    await create.getByRole('button', { name: 'Set up committee' }).click();
    await create.waitFor({ state: 'hidden' });

    await page.getByLabel('Alliance').selectOption(alliance);
    const panel = page.getByTestId('committee').filter({ hasText: name });
    await panel.waitFor();
    await panel.getByTestId('missing-meeting').first().waitFor();

    // Edit it: all three voting members are needed from now on.
    await panel.getByRole('button', { name: /^Edit/ }).click();
    const edit = page.getByRole('dialog', { name: `Edit ${name}` });
    await edit.getByLabel('Quorum (voting members present)').fill('3');
    await edit.getByRole('button', { name: 'Save committee' }).click();
    await edit.waitFor({ state: 'hidden' });
    await panel.getByText('3 voting members').waitFor();
    await panel.getByRole('button', { name: /^Show history/ }).click();
    await panel.getByTestId('history-entry').filter({ hasText: /updated/i }).first().waitFor();
    await shot(page, '82-committee-edited');

    // Schedule the meeting the cadence asks for: yesterday in London, so that its minutes can be taken today.
    await panel.getByRole('button', { name: /^Schedule meeting/ }).click();
    const schedule = page.getByRole('dialog', { name: `Schedule a ${type} meeting` });
    const title = `Journey ${type} meeting ${stamp}`;
    await schedule.getByLabel('Title').fill(title);
    await schedule.getByLabel('Day').fill(isoDay(new Date(Date.now() - 86_400_000)));
    await schedule.getByLabel('Time', { exact: true }).fill('10:00');
    await schedule.getByLabel('Time zone').selectOption('Europe/London');
    await schedule.getByLabel('Duration (minutes)').fill('90');
    await schedule.getByLabel('Location').fill('Video call');
    await schedule.getByLabel('Call link').fill('https://meet.entente.example/journey');
    await schedule.getByLabel('RSVP of Dr. Maria Lindqvist').selectOption('ACCEPTED');
    await schedule.getByLabel('RSVP of Dr. Robin Keller').selectOption('ACCEPTED');
    await schedule.getByLabel('RSVP of Alex Moreau').selectOption('DECLINED');
    await shot(page, '83-schedule-meeting');
    await schedule.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByRole('heading', { name: title, level: 1 }).waitFor();

    // Alex can come after all.
    await page.getByRole('button', { name: 'Edit meeting and RSVPs' }).click();
    const logistics = page.getByRole('dialog', { name: 'Edit meeting' });
    await logistics.getByLabel('RSVP of Alex Moreau').selectOption('TENTATIVE');
    await logistics.getByRole('button', { name: 'Save meeting' }).click();
    await logistics.waitFor({ state: 'hidden' });
    await page.getByTestId('rsvps').filter({ hasText: 'Alex Moreau (tentative)' }).waitFor();

    // The agenda brings the decision to the committee.
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Section of item 1').fill('Decisions');
    await page.getByLabel('Title of item 1').fill(`Decide: ${decision.title}`);
    await page.getByLabel('Minutes for item 1').fill('30');
    await page.getByLabel('Purpose of item 1').selectOption('DECISION');
    await page.getByLabel('Decision of item 1').selectOption(decision.id);
    await page.getByRole('button', { name: 'Add item' }).click();
    await page.getByLabel('Section of item 2').fill('Close');
    await page.getByLabel('Title of item 2').fill('Next steps');
    await page.getByLabel('Minutes for item 2').fill('10');
    await page.getByRole('button', { name: 'Save agenda' }).click();
    await page.getByRole('button', { name: 'Save agenda' }).and(page.locator('[disabled]')).waitFor();
    await shot(page, '84-meeting-agenda');

    // Minutes: who was there, what was decided and what is to be done, then approval.
    await page.getByRole('tab', { name: 'Minutes' }).click();
    const attendance = page.getByRole('form', { name: 'Record attendance' });
    await attendance.getByLabel(/Dr. Maria Lindqvist/).check();
    await attendance.getByLabel(/Dr. Robin Keller/).check();
    await attendance.getByLabel(/Alex Moreau/).check();
    await attendance.getByRole('button', { name: 'Save attendance' }).click();
    await attendance.getByRole('button', { name: 'Update attendance' }).waitFor();

    const outcome = page.getByRole('form', { name: 'Record an outcome' });
    await outcome.getByLabel('Agenda item').selectOption({ index: 0 });
    await outcome.getByLabel('Outcome').selectOption('DECISION_MADE');
    const option = decision.options[0].key;
    await outcome.getByLabel('Chosen option').selectOption(option);
    await outcome.getByLabel('Rationale', { exact: true }).fill('The committee agreed in the meeting');
    await outcome.getByRole('button', { name: 'Add outcome' }).click();
    const outcomes = page.getByRole('table', { name: 'Outcomes' });
    await outcomes.getByText(`Chosen option: ${option}`, { exact: false }).waitFor();

    const action = `Journey action ${stamp}`;
    await outcome.getByLabel('Agenda item').selectOption({ index: 1 });
    await outcome.getByLabel('Outcome').selectOption('ACTION_ITEM');
    await outcome.getByLabel('Action', { exact: true }).fill(action);
    await outcome.getByLabel('Owner', { exact: true }).fill('tara');
    await outcome.getByLabel('Due', { exact: true }).fill(isoDay(new Date(Date.now() + 14 * 86_400_000)));
    await outcome.getByRole('button', { name: 'Add outcome' }).click();
    await outcomes.getByText(action, { exact: false }).waitFor();
    await shot(page, '85-meeting-minutes');

    await page.getByRole('button', { name: 'Approve minutes' }).click();
    await page.getByText(/^Approved/).first().waitFor();
    await shot(page, '86-minutes-approved');

    // The decision service closed the decision, the backlog holds the action item.
    const decided = await eventually(page, `/api/decision/decisions/${decision.id}`, (d) => d.status === 'DECIDED', 'decision closed');
    if (decided.outcome?.chosenOption !== option) throw new Error(`decision outcome ${JSON.stringify(decided.outcome)}`);
    const items = await eventually(page, `/api/backlog/backlog-items?allianceId=${alliance}&q=${encodeURIComponent(action)}&limit=10`,
      (page) => page.items.some((i) => i.title === action && (i.sourceRef ?? '').startsWith('action-item:')), 'action item in the backlog');
    log(`backlog item ${items.items.find((i) => i.title === action).id} carries ${action}`);

    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByTestId('history-entry').filter({ hasText: /approved/i }).first().waitFor();
    await shot(page, '87-meeting-history');
  }),

  journey('alliance manager generates a packet and reads both editions side by side', 'alex', async (page) => {
    await page.getByRole('link', { name: 'Meetings' }).click();
    const row = page.getByTestId('meeting-row').filter({ hasText: 'ONC-HELIX' }).filter({ hasText: 'JSC' }).first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByRole('tab', { name: 'Prep packet' }).click();
    await page.getByRole('button', { name: 'Generate packet' }).click();
    await page.getByRole('status').filter({ hasText: /Packet version \d+ generated/ }).waitFor({ timeout: TIMEOUT * 6 });
    await page.getByLabel('Edition').selectOption('BOTH');
    await page.getByRole('region', { name: 'Internal edition' }).getByTestId('packet-frame').waitFor();
    await page.getByRole('region', { name: 'Partner edition' }).getByTestId('packet-frame').waitFor();
    await shot(page, '88-packet-editions');
    await page.getByRole('button', { name: /^Compare with v/ }).first().click();
    await page.locator('.diff').waitFor();
    await shot(page, '89-packet-compare');
  }),

  journey('stakeholder opens the packet in the partner edition', 'sven', async (page) => {
    await page.getByRole('link', { name: 'Meetings' }).click();
    const row = page.getByTestId('meeting-row').filter({ hasText: 'ONC-HELIX' }).filter({ hasText: 'JSC' }).first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByRole('tab', { name: 'Prep packet' }).click();
    await page.getByTestId('packet-frame').waitFor();
    if (await page.getByLabel('Edition').count()) throw new Error('a stakeholder is offered the internal edition');
    if (await page.getByRole('button', { name: 'Generate packet' }).count()) throw new Error('a stakeholder may generate a packet');
    await page.getByRole('heading', { name: /partner edition/ }).waitFor();
    const alerts = await page.getByRole('alert').count();
    if (alerts) throw new Error(`the packet tab shows ${alerts} error(s)`);
    await shot(page, '90-packet-stakeholder');
  }),
];
