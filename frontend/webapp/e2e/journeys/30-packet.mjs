import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { journey, shot, log, TIMEOUT, SCREENSHOT_DIR } from '../support.mjs';

export default [
  journey('governance ops generates a packet and downloads its PDF', 'gwen', async (page) => {
    await page.getByRole('link', { name: 'Meetings' }).click();
    const row = page.getByTestId('meeting-row').filter({ hasText: 'ONC-HELIX' }).filter({ hasText: 'JSC' }).first();
    await row.waitFor();
    await row.getByRole('link').click();
    await page.getByRole('tab', { name: 'Agenda' }).waitFor();
    await shot(page, '08-meeting-agenda');
    await page.getByRole('tab', { name: 'Prep packet' }).click();
    await page.getByRole('button', { name: 'Generate packet' }).click();
    await page.getByRole('status').filter({ hasText: /Packet version \d+ generated/ }).waitFor({ timeout: TIMEOUT * 6 });
    await page.getByTestId('packet-frame').waitFor();
    await shot(page, '09-packet-viewer');
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT * 3 }),
      page.getByTestId('download-pdf').click(),
    ]);
    const file = join(SCREENSHOT_DIR, 'packet.pdf');
    await download.saveAs(file);
    const head = readFileSync(file).subarray(0, 5).toString('latin1');
    if (head !== '%PDF-') throw new Error(`the download is not a PDF (starts with ${JSON.stringify(head)})`);
    log(`downloaded ${download.suggestedFilename()}`);
    await page.getByRole('tab', { name: 'Minutes' }).click();
    await page.getByRole('region', { name: 'Minutes' }).or(page.getByLabel('Minutes')).first().waitFor();
    await shot(page, '10-meeting-minutes');
  }),
];

