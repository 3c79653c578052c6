import { journey, shot, log, apiGet } from '../support.mjs';

const ALLIANCE = 'ONC-HELIX';

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

async function createItem(page, fields) {
  await page.getByRole('button', { name: 'New item' }).click();
  const form = page.getByRole('dialog', { name: 'New backlog item' });
  await form.getByLabel('Alliance').selectOption(ALLIANCE);
  await form.getByLabel('Title').fill(fields.title);
  if (fields.owner) await form.getByLabel('Owner').fill(fields.owner);
  if (fields.beneficiary) await form.getByLabel('Beneficiary').fill(fields.beneficiary);
  if (fields.value) await form.getByLabel(/^Stakeholder value/).fill(String(fields.value));
  await form.getByLabel('Estimate (points)').fill('3');
  if (fields.shot) await shot(page, fields.shot);
  await form.getByRole('button', { name: 'Create item' }).click();
  await form.waitFor({ state: 'hidden' });
}

async function itemByTitle(page, title) {
  const listed = await apiGet(page, `/api/backlog/backlog-items?allianceId=${ALLIANCE}&q=${encodeURIComponent(title)}&limit=5`);
  const item = listed.body.items.find((i) => i.title === title);
  expect(item, `item "${title}" is not stored`);
  return item;
}

export default [
  journey('team member edits an item without losing its owner, sets its dependencies on its own page and drops it', 'tara', async (page) => {
    const stamp = Date.now().toString(36);
    const title = `Prepare JSC pre-read ${stamp}`;
    const before = `Collect decision requests ${stamp}`;
    await page.getByRole('link', { name: 'Backlog' }).click();
    await page.getByRole('heading', { name: 'Backlog', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Export CSV' }).waitFor();
    await createItem(page, { title: before });
    await createItem(page, { title, owner: 'tara', beneficiary: 'JSC co-chairs', value: 7, shot: '67-item-new-with-owner' });
    const created = await itemByTitle(page, title);
    expect(created.owner === 'tara' && created.beneficiary === 'JSC co-chairs' && created.stakeholderValue === 7, `created: ${JSON.stringify(created)}`);

    // The edit that used to clear owner, beneficiary and stakeholder value: only the title changes.
    await page.getByLabel('Search').fill(stamp);
    const row = page.getByTestId('backlog-row').filter({ hasText: title });
    await row.waitFor();
    await row.getByRole('button', { name: `Edit ${title}` }).click();
    const edit = page.getByRole('dialog', { name: 'Edit backlog item' });
    await edit.getByLabel('Title').fill(`${title} (v2)`);
    await shot(page, '68-item-edit-title');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    const renamed = (await apiGet(page, `/api/backlog/backlog-items/${created.id}`)).body;
    expect(renamed.title === `${title} (v2)`, `title not stored: ${renamed.title}`);
    expect(renamed.owner === 'tara' && renamed.beneficiary === 'JSC co-chairs' && renamed.stakeholderValue === 7,
      `editing the title lost data: ${JSON.stringify(renamed)}`);

    // Its own page, at an address that can be shared.
    await page.getByTestId('backlog-row').filter({ hasText: `${title} (v2)` }).getByRole('link', { name: `${title} (v2)` }).click();
    await page.waitForURL(`**/items/${created.id}`);
    await page.getByRole('heading', { level: 1, name: `${title} (v2)` }).waitFor();
    await page.getByTestId('history-entry').nth(1).waitFor();
    await shot(page, '69-item-page');

    const dependency = await itemByTitle(page, before);
    await page.getByRole('button', { name: 'Edit item' }).click();
    const full = page.getByRole('dialog', { name: 'Edit backlog item' });
    await full.getByLabel('Owner').fill('gwen');
    await full.getByLabel('Beneficiary').fill('JSC co-chairs and JDC');
    await full.getByLabel(/^Stakeholder value/).fill('9');
    await full.getByRole('checkbox', { name: before }).check();
    await shot(page, '70-item-edit-all-fields');
    await full.getByRole('button', { name: 'Save changes' }).click();
    await full.waitFor({ state: 'hidden' });
    await page.getByRole('list', { name: 'Depends on' }).getByRole('link', { name: before }).waitFor();
    await page.getByTestId('item-facts').getByText('gwen').waitFor();
    let stored = (await apiGet(page, `/api/backlog/backlog-items/${created.id}`)).body;
    expect(stored.owner === 'gwen' && stored.beneficiary === 'JSC co-chairs and JDC' && stored.stakeholderValue === 9
      && stored.dependsOn.length === 1 && stored.dependsOn[0] === dependency.id, `full edit: ${JSON.stringify(stored)}`);

    // The link survives a reload: the page is the item's own.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `${title} (v2)` }).waitFor();
    await page.getByRole('list', { name: 'Changes to this item, newest first' }).getByText('gwen').first().waitFor();
    await shot(page, '71-item-history');

    await page.getByRole('button', { name: 'Drop item' }).click();
    const drop = page.getByRole('dialog', { name: 'Drop backlog item' });
    await drop.getByRole('button', { name: 'Drop item' }).click();
    await drop.locator('#d-reason-error').waitFor();
    await drop.getByLabel('Reason').fill('Covered by the JDC pre-read');
    await drop.getByRole('button', { name: 'Drop item' }).click();
    await page.getByText('Reason: Covered by the JDC pre-read').waitFor();
    expect(await page.getByRole('button', { name: 'Edit item' }).count() === 0, 'a dropped item still offers editing');
    await shot(page, '72-item-dropped');
    stored = (await apiGet(page, `/api/backlog/backlog-items/${created.id}`)).body;
    expect(stored.status === 'DROPPED', `drop not stored: ${stored.status}`);
    const history = (await apiGet(page, `/api/backlog/backlog-items/${created.id}/history`)).body.items;
    expect(history[0].action === 'BacklogItemDropped' && history[0].actor === 'tara', `history: ${JSON.stringify(history[0])}`);
    log(`item ${created.id} edited, linked to ${dependency.id} and dropped`);
  }),

  journey('stakeholder reads an item page without the means to change it', 'sven', async (page) => {
    const first = (await apiGet(page, `/api/backlog/backlog-items?allianceId=${ALLIANCE}&limit=1`)).body.items[0];
    await page.goto(new URL(`/items/${first.id}`, page.url()).href);
    await page.getByRole('heading', { level: 1, name: first.title }).waitFor();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    expect(await page.getByRole('button', { name: 'Edit item' }).count() === 0, 'a stakeholder is offered editing');
    expect(await page.getByRole('button', { name: 'Drop item' }).count() === 0, 'a stakeholder is offered dropping');
    await shot(page, '73-item-stakeholder');
  }),
];
