import { apiGet, BASE_URL, journey, shot } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';

/** The JSC the demo seed held three weeks ago, whose approved minutes sent every attendee a survey link. */
async function pastJsc(page) {
  const answer = await apiGet(page, `/api/governance/meetings?allianceId=${ALLIANCE}&status=MINUTES_APPROVED&limit=50`);
  if (answer.status !== 200) throw new Error(`meetings: HTTP ${answer.status}`);
  const jsc = answer.body.items.find((m) => m.bodyType === 'JSC');
  if (!jsc) throw new Error('the demo seed has no JSC with approved minutes');
  return jsc;
}

export default [
  journey('an attendee gives feedback on a meeting through her personal link, once', 'priya', async (page) => {
    const jsc = await pastJsc(page);
    await page.goto(`${BASE_URL}/meetings/${jsc.id}`);
    await page.getByRole('heading', { name: jsc.title }).waitFor();
    const link = page.getByRole('link', { name: 'Give feedback on this meeting' });
    await link.waitFor();
    await shot(page, '88-pulse-meeting-link');
    const href = await link.getAttribute('href');

    // The survey is a plain form that needs no session: a fieldset per question, radios 1 to 5.
    await link.click();
    await page.getByRole('heading', { name: 'How was the meeting?' }).waitFor();
    await shot(page, '88-pulse-survey');
    // Sent without one answer: the page names the question and keeps the others.
    for (const [question, score] of [['preparation', '4'], ['decisionQuality', '3'], ['oneTeam', '2']]) {
      await page.locator(`#q-${question}-${score}`).check();
    }
    await page.locator('input[name="recommend"]').first().evaluate((input) => input.closest('form').noValidate = true);
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('alert').filter({ hasText: 'Choose a score from 1 to 5' }).waitFor();
    await shot(page, '88-pulse-survey-error');
    await page.locator('#q-recommend-4').check();
    await page.getByLabel(/Anything else you would like to tell us/).fill('Clear agenda; we would like the pre-read two days earlier.');
    await page.getByRole('button', { name: 'Send my answer' }).click();
    await page.getByRole('heading', { name: 'Thank you' }).waitFor();
    await shot(page, '88-pulse-thanks');

    // The link is used up: opening it again says so, and posting it again stores nothing.
    await page.goto(BASE_URL + href);
    await page.getByRole('heading', { name: 'Already answered' }).waitFor();
    await shot(page, '88-pulse-already-answered');
    await page.goto(`${BASE_URL}/meetings/${jsc.id}`);
    await page.getByText('Thank you for your feedback on this meeting.').waitFor();
    if (await page.getByRole('link', { name: 'Give feedback on this meeting' }).count()) {
      throw new Error('the meeting still offers the used survey link');
    }
  }),

  journey('an alliance manager reads the partner pulse as a gap chart with its table', 'alex', async (page) => {
    await page.goto(`${BASE_URL}/alliances/${ALLIANCE}`);
    const panel = page.getByTestId('pulse');
    await panel.getByRole('heading', { name: 'Partner pulse' }).waitFor();
    await panel.getByRole('img', { name: /Partner pulse \d{4}-Q\d/ }).waitFor();
    await panel.getByRole('table').getByRole('rowheader', { name: 'one team' }).waitFor();
    // One partner answer so far: the partner side shows its count, never a mean of one person.
    await panel.getByRole('cell', { name: /fewer than 3 answers/ }).first().waitFor();
    if ((await panel.innerText()).includes('priya') || (await panel.innerText()).includes('Natarajan')) {
      throw new Error('the pulse names a respondent');
    }
    await shot(page, '88-pulse-alliance');
  }),
];
