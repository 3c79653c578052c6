import { journey, shot, apiGet } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';
const HEADER = 'allianceId,title,discipline,type,estimate,owner,dueDate,description';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function itemsTitled(page, stamp) {
  const listed = await apiGet(page, `/api/backlog/backlog-items?allianceId=${ALLIANCE}&q=${encodeURIComponent(stamp)}&limit=50`);
  return listed.body.items.filter((i) => i.title.includes(stamp));
}

async function choose(page, dialog, name, text) {
  await dialog.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') });
  await dialog.getByRole('button', { name: 'Check file' }).click();
}

export default [
  journey('alliance manager imports a backlog spreadsheet: a bad row is named and nothing is stored, the fixed file imports', 'alex', async (page) => {
    const stamp = Date.now().toString(36);
    const rows = [
      `${ALLIANCE},"Royalty report, Q4 ${stamp}",FINANCE,TASK,3,alex,2027-01-31,"Says ""final"""`,
      `${ALLIANCE},Steering pre-read ${stamp},ASTROLOGY,TASK,2,,,`,
      `${ALLIANCE},Audit rights notice ${stamp},LEGAL,ACTION_ITEM,,,2027-02-30,`,
    ];
    await page.getByRole('link', { name: 'Backlog' }).click();
    await page.getByRole('heading', { name: 'Backlog', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import backlog items from a spreadsheet' });

    await choose(page, dialog, 'backlog.csv', `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
    const errors = dialog.getByRole('table', { name: 'Rows with errors' });
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text.includes('discipline') && text.includes('ASTROLOGY'), `row 3's discipline is not named: ${text}`);
    expect(text.includes('dueDate') && text.includes('2027-02-30'), `row 4's date is not named: ${text}`);
    await dialog.getByRole('heading', { name: /2 of 3 rows have errors/ }).waitFor();
    expect(await dialog.getByRole('button', { name: /^Import \d+ rows$/ }).count() === 0, 'a file with errors offers an import');
    await shot(page, '74-csv-import-row-errors');
    expect((await itemsTitled(page, stamp)).length === 0, 'checking a file stored items');

    rows[1] = rows[1].replace('ASTROLOGY', 'GOVERNANCE');
    rows[2] = rows[2].replace('2027-02-30', '2027-02-28');
    await choose(page, dialog, 'backlog-fixed.csv', `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
    await dialog.getByRole('heading', { name: '3 rows ready to import' }).waitFor();
    await dialog.getByRole('table', { name: 'Preview of the backlog items' }).waitFor();
    await shot(page, '75-csv-import-preview');
    await dialog.getByRole('button', { name: 'Import 3 rows' }).click();
    await dialog.getByRole('heading', { name: 'Imported 3 backlog items' }).waitFor();
    await shot(page, '76-csv-import-done');

    const stored = await itemsTitled(page, stamp);
    expect(stored.length === 3, `expected 3 imported items, found ${stored.length}`);
    const royalty = stored.find((i) => i.title === `Royalty report, Q4 ${stamp}`);
    expect(royalty && royalty.description === 'Says "final"' && royalty.estimate === 3 && royalty.owner === 'alex'
      && royalty.dueDate === '2027-01-31', `quoted cells not stored as written: ${JSON.stringify(royalty)}`);
    await dialog.getByRole('button', { name: 'Close' }).first().click();
    await page.getByLabel('Search').fill(stamp);
    await page.getByTestId('backlog-row').filter({ hasText: `Audit rights notice ${stamp}` }).waitFor();
  }),

  journey('alliance manager checks a portfolio spreadsheet: rows of registered alliances are refused by row', 'alex', async (page) => {
    await page.getByRole('link', { name: 'Portfolio' }).click();
    await page.getByRole('heading', { name: 'Portfolio', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import alliances from a spreadsheet' });
    const csv = 'key,name,partner,type,tier,phase,valueScore,complexityScore,allianceManager\r\n'
      + `${ALLIANCE},Helix again,Helix Bio,CO_DEVELOPMENT,1,EXECUTION,4,3,alex\r\n`;
    await choose(page, dialog, 'portfolio.csv', csv);
    const errors = dialog.getByRole('table', { name: 'Rows with errors' });
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text.includes('already registered'), `the registered key is not named: ${text}`);
    await shot(page, '77-csv-import-portfolio-errors');
    const helix = await apiGet(page, `/api/backlog/alliances/${ALLIANCE}`);
    expect(helix.body.name !== 'Helix again', 'checking a portfolio file changed an alliance');
  }),
];
