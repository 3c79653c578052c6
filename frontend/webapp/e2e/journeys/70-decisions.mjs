import { journey, shot, log, apiGet } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';
// The journeys run in file order in one process: later ones pick up the decision the first one drafted.
const shared = { title: `Companion assay vendor ${Date.now().toString(36)}` };

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function isoIn(days) {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return date.toISOString().slice(0, 10);
}

async function decisionById(page, id) {
  const answer = await apiGet(page, `/api/decision/decisions/${id}`);
  expect(answer.status === 200, `GET decision ${id}: ${answer.status}`);
  return answer.body;
}

/** A change through the BFF with the page's session and CSRF token, as the app would send it. */
async function apiPost(page, path, ifMatch, json) {
  return page.evaluate(async ({ p, tag, body }) => {
    const session = await (await fetch('/bff/session', { headers: { 'X-Requested-With': 'JavaScript' } })).json();
    const response = await fetch(p, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-Requested-With': 'JavaScript', 'X-CSRF-Token': session.csrfToken, 'If-Match': tag },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json().catch(() => null) };
  }, { p: path, tag: ifMatch, body: json });
}

async function openDecisionPage(page, id) {
  await page.getByRole('link', { name: 'Decisions' }).first().click();
  await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
  await page.goto(page.url().replace(/\/decisions.*$/, `/decisions/${id}`));
  await page.getByRole('heading', { name: 'Options' }).waitFor();
}

export default [
  journey('alliance manager drafts a decision, edits it, opens it and proposes an option', 'alex', async (page) => {
    await page.getByRole('link', { name: 'Decisions' }).first().click();
    await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New decision' }).click();
    const form = page.getByRole('dialog', { name: 'New decision' });
    await form.getByLabel('Alliance').selectOption(ALLIANCE);
    await form.getByLabel('Committee').selectOption('JSC');
    await form.getByLabel('Title', { exact: true }).fill(shared.title);
    await form.getByLabel('Question').fill('Which vendor builds the companion assay for the phase 3 programme?');
    await form.getByLabel('Context').fill('Two vendors passed the technical audit.');
    await form.getByLabel('Option 1 key').fill('NORTH');
    await form.getByLabel('Option 1 title').fill('Northlab');
    await form.getByLabel('Option 1 pros').fill('Validated platform');
    await form.getByLabel('Option 1 cons').fill('Higher price');
    await form.getByLabel('Option 2 key').fill('SOUTH');
    await form.getByLabel('Option 2 title').fill('Southgen');
    await form.getByLabel('Option 2 pros').fill('Cheaper');
    await form.getByLabel('Option 2 cons').fill('New to us');
    await form.getByLabel('Due date').fill(isoIn(30));
    await form.getByLabel('Lead time (days)').fill('10');
    // A free-text approver is refused beside its field.
    await form.getByLabel('Approver').fill('the JSC chairs');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await form.locator('.field-error').first().waitFor();
    expect((await form.locator('#d-approver-error').innerText()).includes('user:'), 'approver error not shown beside the field');
    await shot(page, '71-decision-new-bad-approver');
    await form.getByLabel('Approver').fill('user:alex');
    await form.getByLabel('Contributors').fill('user:tara, body:JDC');
    await form.getByLabel('Informed').fill('user:sven');
    await form.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/\/decisions\/[0-9a-f-]{36}$/);
    shared.id = page.url().split('/').pop();
    await page.getByRole('heading', { level: 1, name: shared.title }).waitFor();
    let stored = await decisionById(page, shared.id);
    expect(stored.status === 'DRAFT' && stored.approver === 'user:alex' && stored.options.length === 2
      && stored.contributors.join() === 'user:tara,body:JDC', `draft: ${JSON.stringify(stored)}`);

    await page.getByRole('button', { name: 'Edit draft' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit draft' });
    await edit.getByLabel('Context').fill('Two vendors passed the technical audit; Helix prefers Northlab.');
    await shot(page, '72-decision-edit-draft');
    await edit.getByRole('button', { name: 'Save draft' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByText('Helix prefers Northlab').first().waitFor();

    await page.getByRole('button', { name: 'Open decision' }).click();
    await page.getByRole('button', { name: 'Propose an option' }).waitFor();
    await page.getByRole('button', { name: 'Propose an option' }).click();
    const propose = page.getByRole('dialog', { name: 'Propose an option' });
    await propose.getByLabel('Recommended option').selectOption('NORTH');
    await propose.getByLabel('Summary for the approver').fill('Validated platform outweighs the price.');
    await propose.getByRole('button', { name: 'Propose', exact: true }).click();
    await propose.waitFor({ state: 'hidden' });
    await page.getByTestId('proposal').waitFor();
    await page.getByTestId('history-entry').nth(2).waitFor();
    await shot(page, '73-decision-proposed');
    stored = await decisionById(page, shared.id);
    expect(stored.status === 'PROPOSED' && stored.proposal.option === 'NORTH', `proposed: ${JSON.stringify(stored)}`);
    const history = await apiGet(page, `/api/decision/decisions/${shared.id}/history`);
    const actions = history.body.items.map((c) => c.action);
    expect(['DecisionProposed', 'DecisionOpened', 'DecisionDraftEdited', 'DecisionDrafted'].every((a) => actions.includes(a)), `history: ${actions}`);
    log(`drafted, opened and proposed ${shared.id}`);
  }),

  journey('governance ops is not the approver: no decide button, and the API refuses with the reason', 'gwen', async (page) => {
    expect(shared.id, 'the first journey created no decision');
    await openDecisionPage(page, shared.id);
    await page.getByTestId('decide-note').waitFor();
    expect(await page.getByRole('button', { name: 'Decide', exact: true }).count() === 0, 'a non-approver is offered Decide');
    await shot(page, '74-decision-not-approver');
    const { body: before } = await apiGet(page, `/api/decision/decisions/${shared.id}`);
    const refused = await apiPost(page, `/api/decision/decisions/${shared.id}/decide`, `"${before.version}"`,
      { chosenOption: 'SOUTH', rationale: 'Cheaper' });
    expect(refused.status === 403 && /user:alex/.test(refused.body?.detail ?? ''), `decide by gwen: ${JSON.stringify(refused)}`);
    expect((await decisionById(page, shared.id)).status === 'PROPOSED', 'a refused decide changed the decision');
  }),

  journey('the approver decides, then supersedes the decision and defers the successor', 'alex', async (page) => {
    expect(shared.id, 'the first journey created no decision');
    await openDecisionPage(page, shared.id);
    await page.getByRole('button', { name: 'Decide', exact: true }).click();
    const decide = page.getByRole('dialog', { name: 'Decide' });
    await decide.getByLabel('Chosen option').selectOption('NORTH');
    await decide.getByLabel('Rationale').fill('Validated platform; price agreed within budget.');
    await shot(page, '75-decision-decide');
    await decide.getByRole('button', { name: 'Record decision' }).click();
    await decide.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { name: 'Outcome' }).waitFor();
    let stored = await decisionById(page, shared.id);
    expect(stored.status === 'DECIDED' && stored.outcome.chosenOption === 'NORTH' && stored.outcome.decidedBy === 'alex', `decided: ${JSON.stringify(stored)}`);

    await page.getByRole('button', { name: 'Supersede' }).click();
    const successor = page.getByRole('dialog', { name: 'Supersede decision' });
    await successor.getByLabel('Due date').fill(isoIn(40));
    await successor.getByLabel('Context').fill('Northlab cannot start before Q3; we revisit the choice.');
    await successor.getByRole('button', { name: 'Create successor' }).click();
    await page.waitForURL((url) => !url.toString().endsWith(shared.id) && /\/decisions\/[0-9a-f-]{36}$/.test(url.toString()));
    const newId = page.url().split('/').pop();
    await page.getByTestId('supersede-links').getByRole('link', { name: 'the earlier decision' }).waitFor();
    const replacement = await decisionById(page, newId);
    stored = await decisionById(page, shared.id);
    expect(replacement.supersedesId === shared.id && stored.supersededById === newId, `links: ${replacement.supersedesId} / ${stored.supersededById}`);
    await page.getByTestId('ladder-step').first().waitFor();
    await shot(page, '76-decision-successor');

    await page.getByRole('button', { name: 'Defer', exact: true }).click();
    const defer = page.getByRole('dialog', { name: 'Defer decision' });
    await defer.getByLabel('New due date').fill(isoIn(60));
    await defer.getByLabel('Reason').fill('Vendor start date moved to Q3');
    await defer.getByRole('button', { name: 'Defer', exact: true }).click();
    await defer.waitFor({ state: 'hidden' });
    await page.getByText('Reason: Vendor start date moved to Q3').first().waitFor();
    const deferred = await decisionById(page, newId);
    expect(deferred.status === 'DEFERRED' && deferred.dueDate === isoIn(60), `deferred: ${JSON.stringify(deferred)}`);
    await shot(page, '77-decision-deferred');

    // The alliance's ladder, edited in the browser and put back as it was.
    for (const step of [1, -1]) {
      await page.getByRole('button', { name: 'Edit ladder' }).click();
      const ladderForm = page.getByRole('dialog', { name: 'Edit escalation ladder' });
      const days = ladderForm.getByLabel('Rung 2 response time (days)', { exact: true });
      const was = Number(await days.inputValue());
      await days.fill(String(was + step));
      if (step > 0) await shot(page, '78-ladder-edit');
      await ladderForm.getByRole('button', { name: 'Save ladder' }).click();
      await ladderForm.waitFor({ state: 'hidden' });
      const ladder = (await apiGet(page, `/api/decision/escalation-ladders/${ALLIANCE}`)).body;
      expect(ladder.steps[1].days === was + step, `ladder after edit: ${JSON.stringify(ladder)}`);
      await page.getByTestId('ladder-step').nth(1).getByText(`${was + step} days to resolve`).waitFor();
    }

    await page.getByTestId('supersede-links').getByRole('link', { name: 'the earlier decision' }).click();
    await page.waitForURL(`**/decisions/${shared.id}`);
    await page.getByTestId('supersede-links').getByRole('link', { name: 'a newer decision' }).waitFor();
    const mine = await apiGet(page, '/api/decision/decisions?involving=me&limit=200');
    expect(mine.body.items.some((d) => d.id === newId), 'the successor is not among the decisions involving alex');
    log(`decided ${shared.id}, superseded by ${newId}, deferred`);
  }),

  journey('stakeholder creates, renews and revokes the calendar link', 'sven', async (page) => {
    const status = (url) => page.evaluate(async (u) => (await fetch(u)).status, url);
    await page.getByRole('heading', { name: 'Decisions', level: 1 }).waitFor();
    await page.getByRole('button', { name: /Subscribe to due dates \(iCal\)|Get a new calendar link/ }).click();
    const first = await page.getByTestId('calendar-url').inputValue();
    expect(/\/calendar\/[^/]+\.ics$/.test(first), `calendar url: ${first}`);
    expect(await status(first) === 200, 'the new calendar link does not answer');
    await page.reload();
    await page.getByRole('button', { name: 'Get a new calendar link' }).click();
    const second = await page.getByTestId('calendar-url').inputValue();
    expect(second !== first, 'renewing kept the same link');
    expect(await status(first) === 404 && await status(second) === 200, 'the old link still answers after renewing');
    await shot(page, '79-calendar-link');
    await page.getByRole('button', { name: 'Revoke calendar link' }).click();
    await page.getByRole('button', { name: 'Subscribe to due dates (iCal)' }).waitFor();
    expect((await apiGet(page, '/api/decision/calendar-feeds/mine')).status === 404, 'the feed survived revoking');
    expect(await status(second) === 404, 'the revoked link still answers');
  }),
];
