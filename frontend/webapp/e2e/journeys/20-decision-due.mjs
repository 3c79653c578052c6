import { journey, shot, log } from '../support.mjs';

export default [
  journey("stakeholder sees a decision's due date", 'sven', async (page) => {
    await page.getByRole('heading', { name: 'Decisions' }).waitFor();
    const first = page.getByTestId('decision-item').first();
    await first.waitFor();
    const due = first.getByTestId('decision-due');
    const iso = await due.getAttribute('datetime');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(iso ?? '')) throw new Error(`due date is not shown as a date: ${iso}`);
    const text = (await due.innerText()).trim();
    if (!text) throw new Error('due date text is empty');
    log(`first decision due ${iso} (${text})`);
    await shot(page, '06-decisions-timeline');
    await first.getByRole('link').click();
    // The timeline's due dates stay on screen until the route changes: wait for the detail page before reading it.
    await page.waitForURL(/\/decisions\/[^/?]+$/);
    await page.getByRole('heading', { name: 'Options' }).waitFor();
    await page.getByTestId('decision-due').waitFor();
    await shot(page, '07-decision-detail');
  }),
];

