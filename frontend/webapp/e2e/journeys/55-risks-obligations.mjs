import { readFileSync } from 'node:fs';
import { journey, shot, log, apiGet } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';
const unique = () => Date.now().toString(36);
const isoDay = (offsetDays) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

/** Clicks a download link and answers the file's text. */
async function download(page, link) {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  return readFileSync(await file.path(), 'utf8');
}

async function openAlliance(page) {
  await page.goto(new URL(`/alliances/${ALLIANCE}`, page.url()).href);
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByRole('heading', { name: 'Risks', exact: true }).waitFor();
}

export default [
  journey('alliance manager raises, edits, re-assesses and closes a risk, and exports the register', 'alex', async (page) => {
    await openAlliance(page);
    const risks = page.getByRole('region', { name: 'Risks' });
    await risks.getByRole('heading', { name: 'Open' }).waitFor();
    const title = `Cell line supply slips ${unique()}`;

    await risks.getByRole('button', { name: 'Raise risk' }).click();
    const raise = page.getByRole('dialog', { name: 'Raise a risk' });
    await raise.getByRole('button', { name: 'Raise risk' }).click();
    await raise.locator('#r-title-error').waitFor();
    await shot(page, '58-risk-field-error');
    await raise.getByLabel('Risk', { exact: true }).fill(title);
    await raise.getByLabel('Category').selectOption('SUPPLY');
    await raise.getByLabel(/^Likelihood/).selectOption('2');
    await raise.getByLabel(/^Impact/).selectOption('2');
    await raise.getByLabel('Mitigation').fill('Qualify a second CMO');
    await raise.getByRole('button', { name: 'Raise risk' }).click();
    const row = risks.getByTestId('risk-row').filter({ hasText: title });
    await row.getByText('2 × 2 = 4').waitFor();
    await row.getByText('Open').waitFor();
    await shot(page, '59-risk-raised');

    await row.getByRole('button', { name: `Edit ${title}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit risk' });
    await edit.getByLabel('Status').selectOption('MITIGATING');
    await edit.getByLabel('Mitigation').fill('Qualify a second CMO; buffer stock for two batches');
    await shot(page, '59b-risk-edit');
    await edit.getByRole('button', { name: 'Save risk' }).click();
    await row.getByText('Mitigating').waitFor();
    const edited = (await apiGet(page, `/api/backlog/risks?allianceId=${ALLIANCE}&limit=200`)).body.items.find((r) => r.title === title);
    expect(edited?.status === 'MITIGATING' && edited.mitigation.includes('buffer stock') && edited.score === 4, `risk after edit: ${JSON.stringify(edited)}`);

    await row.getByRole('button', { name: `Re-assess ${title}` }).click();
    const assess = page.getByRole('dialog', { name: 'Re-assess risk' });
    await assess.getByLabel(/^Likelihood/).selectOption('5');
    await assess.getByLabel(/^Impact/).selectOption('4');
    const threshold = (await apiGet(page, `/api/backlog/alliances/${ALLIANCE}`)).body.riskThreshold;
    await assess.getByTestId('assess-score').getByText(`threshold of ${threshold}`).waitFor();
    await assess.getByTestId('assess-score').getByText('20', { exact: true }).waitFor();
    await shot(page, '60-risk-reassess');
    await assess.getByRole('button', { name: 'Save assessment' }).click();
    await row.getByText('5 × 4 = 20').waitFor();
    const listed = await apiGet(page, `/api/backlog/risks?allianceId=${ALLIANCE}&limit=200`);
    const stored = listed.body.items.find((r) => r.title === title);
    expect(stored && stored.score === 20 && stored.aboveThreshold === (20 >= threshold), `risk after re-assessment: ${JSON.stringify(stored)}`);

    await row.getByRole('button', { name: `Close ${title}` }).click();
    const close = page.getByRole('dialog', { name: 'Close risk' });
    await close.getByLabel('Why is it closed?').fill('Second CMO qualified');
    await close.getByRole('button', { name: 'Close risk' }).click();
    const closedTable = risks.getByRole('table', { name: 'Closed' });
    await closedTable.getByTestId('risk-row').filter({ hasText: title }).getByText('Closed').waitFor();
    expect(await risks.getByRole('table', { name: 'Open' }).getByText(title).count() === 0, 'the closed risk is still listed as open');
    await shot(page, '61-risk-closed');
    await closedTable.getByRole('button', { name: `History of ${title}` }).click();
    const history = page.getByRole('dialog', { name: `History of ${title}` });
    const entries = history.getByTestId('history-entry');
    await entries.first().getByText('Closed', { exact: true }).waitFor();
    expect(await entries.count() === 4, `risk history has ${await entries.count()} entries, expected raised, edited, re-assessed, closed`);
    await history.getByText('Reason: Second CMO qualified').waitFor();
    await entries.nth(1).getByText('Re-assessed').waitFor();
    await shot(page, '61b-risk-history');
    await history.getByRole('button', { name: 'Close' }).click();
    const closed = await apiGet(page, `/api/backlog/risks/${stored.id}`);
    expect(closed.body.status === 'CLOSED' && closed.body.closedReason === 'Second CMO qualified', `closed risk: ${JSON.stringify(closed.body)}`);

    const csv = await download(page, risks.getByRole('link', { name: 'Export risks (CSV)' }));
    expect(csv.startsWith('id,allianceId,title') && csv.includes(title) && csv.includes('CLOSED'), `risk export: ${csv.slice(0, 300)}`);
    log(`risk "${title}" raised, scored 20 and closed; export has ${csv.trim().split('\n').length - 1} rows`);
  }),

  journey('alliance manager registers obligations, marks one met and sees a missed one', 'alex', async (page) => {
    await openAlliance(page);
    const panel = page.getByRole('region', { name: 'Obligations' });
    const stamp = unique();
    const register = async (title, clause, kind, owedBy, due, recurrence) => {
      await panel.getByRole('button', { name: 'Register obligation' }).click();
      const form = page.getByRole('dialog', { name: 'Register an obligation' });
      await form.getByLabel('Obligation', { exact: true }).fill(title);
      await form.getByLabel('Contract reference').fill(clause);
      await form.getByLabel('Kind').selectOption(kind);
      await form.getByLabel('Owed by').selectOption(owedBy);
      await form.getByLabel('Due date').fill(due);
      await form.getByLabel('Recurrence').selectOption(recurrence);
      await form.getByLabel(/^Lead time/).fill('14');
      return form;
    };

    // Without a due date the service names the field.
    let form = await register(`Milestone payment ${stamp}`, '9.1', 'PAYMENT', 'PARTNER', '', 'NONE');
    await form.getByRole('button', { name: 'Register obligation' }).click();
    await form.locator('#o-due-error').waitFor();
    await shot(page, '62-obligation-field-error');
    await form.getByLabel('Due date').fill(isoDay(40));
    await form.getByRole('button', { name: 'Register obligation' }).click();
    const upcoming = panel.getByRole('table', { name: 'Upcoming and due' });
    const paymentRow = upcoming.getByTestId('obligation-row').filter({ hasText: `Milestone payment ${stamp}` });
    await paymentRow.waitFor();
    await shot(page, '63-obligation-registered');

    form = await register(`Quarterly safety report ${stamp}`, '12.4(b)', 'REPORT', 'US', isoDay(-2), 'NONE');
    await form.getByRole('button', { name: 'Register obligation' }).click();
    const missedRow = panel.getByRole('table', { name: 'Missed' }).getByTestId('obligation-row').filter({ hasText: `Quarterly safety report ${stamp}` });
    await missedRow.getByText('Missed').waitFor();
    await shot(page, '64-obligation-missed');

    await paymentRow.getByRole('button', { name: `Mark met: Milestone payment ${stamp}` }).click();
    const met = page.getByRole('dialog', { name: 'Mark obligation met' });
    await met.getByRole('button', { name: 'Mark met' }).click();
    await panel.getByRole('table', { name: 'Met' }).getByTestId('obligation-row').filter({ hasText: `Milestone payment ${stamp}` }).waitFor();
    await shot(page, '65-obligation-met');

    const all = (await apiGet(page, `/api/backlog/obligations?allianceId=${ALLIANCE}&limit=200`)).body.items;
    const payment = all.find((o) => o.title === `Milestone payment ${stamp}`);
    const report = all.find((o) => o.title === `Quarterly safety report ${stamp}`);
    expect(payment?.status === 'MET' && payment.owedBy === 'PARTNER' && payment.clauseRef === '9.1' && payment.kind === 'PAYMENT', `payment: ${JSON.stringify(payment)}`);
    expect(report?.status === 'MISSED', `report: ${JSON.stringify(report)}`);

    const csv = await download(page, panel.getByRole('link', { name: 'Export obligations (CSV)' }));
    expect(csv.includes(`Milestone payment ${stamp}`) && csv.includes(`Quarterly safety report ${stamp}`), `obligation export: ${csv.slice(0, 300)}`);
  }),

  journey('stakeholder reads the register without the means to change it', 'sven', async (page) => {
    await openAlliance(page);
    await page.getByRole('heading', { name: 'Obligations', exact: true }).waitFor();
    await page.getByRole('heading', { name: 'Phase history' }).waitFor();
    for (const action of ['Edit alliance', 'Change phase', 'Raise risk', 'Register obligation']) {
      expect(await page.getByRole('button', { name: action }).count() === 0, `a stakeholder is offered "${action}"`);
    }
    await page.getByRole('link', { name: 'Export risks (CSV)' }).waitFor();
    await shot(page, '66-alliance-stakeholder');
  }),
];
