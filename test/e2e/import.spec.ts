import { completeWizard, expect, expectAccessible, test } from './fixtures';

const CSV = [
  'Teléfono,Nombre,Fecha de alta,Método,Finalidad,Baja',
  '+34 600 11 22 01,Ana Import,01/03/2025,formulario web,marketing,',
  '0034600112202,Luis Import,,,,',
  '600 11 22 03,Marta Import,,,,sí',
  '12345,Bad Number,,,,',
  '600112204,Pere Import,31/02/2025,en tienda,marketing,',
].join('\n');

test('the owner imports a CSV: preview with mapping, import, summary with problems, contacts listed', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  await page.goto(`${bridge.url}#/opt-ins`);
  const section = page.getByRole('region', { name: 'Import contacts (CSV)' });
  await expect(section).toBeVisible();

  await section.getByLabel('CSV file').setInputFiles({ name: 'clientes.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
  await expect(section.getByLabel('Phone number (required)')).toHaveValue('0');
  await expect(section.getByLabel('Consent date')).toHaveValue('2');
  await expect(section.getByLabel('Opted out')).toHaveValue('5');
  await expect(section.getByText('5 rows: 1 with consent, 1 contacts only, 1 opt-outs, 0 repeated numbers, 2 with problems.')).toBeVisible();
  const table = section.getByRole('table', { name: 'First rows' });
  await expect(table.getByRole('row')).toHaveCount(6);
  await expect(table.getByRole('row', { name: /Bad Number/ })).toContainText('The phone number “12345” cannot be used.');
  await expect(table.getByRole('row', { name: /Pere Import/ })).toContainText('The consent date “31/02/2025” cannot be read');
  await expectAccessible(page, 'import preview');

  await section.getByLabel('Who confirms these people agreed').fill('Lucía (owner)');
  await section.getByRole('button', { name: 'Import', exact: true }).press('Enter');
  await expect(section.getByRole('heading', { name: 'Import finished' })).toBeVisible();
  await expect(section.getByText('3 contacts created, 0 updated, 1 consents recorded, 2 opt-outs recorded, 0 already on record.')).toBeVisible();
  await expect(section.getByText('Rows with problems (2)')).toBeVisible();
  await expect(section.getByText(/Row 4: The phone number “12345” cannot be used/)).toBeVisible();
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Download the problem rows (CSV)' }).click();
  expect((await download).suggestedFilename()).toBe('import-problems-clientes.csv');
  await expectAccessible(page, 'import summary');

  await page.goto(`${bridge.url}#/contacts`);
  await expect(page.getByText('Ana Import')).toBeVisible();
  await expect(page.getByText('Luis Import')).toBeVisible();
  await expect(page.getByText('Marta Import')).toBeVisible();
  await expect(page.getByText('Bad Number')).toHaveCount(0);
});

test('a file that names a known number differently says so in the preview, and the owner chooses which name stays', async ({ page, bridge }) => {
  await completeWizard(page, bridge.url);
  const section = page.getByRole('region', { name: 'Import contacts (CSV)' });
  const importFile = async (name: string, rows: string[]) => {
    await page.goto(`${bridge.url}#/opt-ins`);
    // The page keeps the last import's summary until the owner asks for another one.
    const again = section.getByRole('button', { name: 'Import another file' });
    if (await again.isVisible()) await again.click();
    await section.getByLabel('CSV file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(['Teléfono,Nombre', ...rows].join('\n'), 'utf8') });
    await expect(section.getByLabel('Phone number (required)')).toHaveValue('0');
    await section.getByLabel('Who confirms these people agreed').fill('Lucía (owner)');
  };

  await importFile('primera.csv', ['600112201,Ana Import', '600112202,Luis Import']);
  await expect(section.getByRole('group', { name: /another name/ })).toHaveCount(0);
  await section.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(section.getByRole('heading', { name: 'Import finished' })).toBeVisible();

  await importFile('segunda.csv', ['600112201,Ana Renamed', '600112202,Luis Import', '600112203,Nueva']);
  const names = section.getByRole('group', { name: 'Contacts on record under another name (1)' });
  await expect(names).toBeVisible();
  await expect(names.getByRole('row', { name: /Ana Import/ })).toContainText('Ana Renamed');
  await expect(names.getByRole('row', { name: /Luis/ })).toHaveCount(0);
  await expect(names.getByRole('radio', { name: 'Keep the names on record' })).toBeChecked();
  await expectAccessible(page, 'import preview with name changes');
  await section.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(section.getByText('1 names on record kept, 0 replaced by the file’s.')).toBeVisible();
  await page.goto(`${bridge.url}#/contacts`);
  await expect(page.getByText('Ana Import')).toBeVisible();
  await expect(page.getByText('Ana Renamed')).toHaveCount(0);

  await importFile('tercera.csv', ['600112201,Ana Renamed']);
  await section.getByRole('radio', { name: 'Use the names in the file' }).check();
  await section.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(section.getByText('0 names on record kept, 1 replaced by the file’s.')).toBeVisible();
  await page.goto(`${bridge.url}#/contacts`);
  await expect(page.getByText('Ana Renamed')).toBeVisible();
});
