// The analyst's path through issue 3: a percentage in the sample article becomes a figure (the form
// pre-filled from the quote), the figure appears in the figures table, a claim made from the same
// passage links to it, the ledger and the reader show the verdict, and competing figures are flagged.
import { expect, test } from './fixtures';
import { ClaimsPage, callContract } from './pages/claims-page';
import { FiguresPage } from './pages/figures-page';
import { LibraryPage } from './pages/library-page';
import { ReaderPage } from './pages/reader-page';

const SAMPLE_TITLE = 'Who really controls rare earths? Mines, refineries and magnets';
const SENTENCE = 'China accounts for nearly 70% of global mine production.';

test('highlight a percentage → pre-filled figure → figures table → linked claim → verdict in the ledger', async ({ app }) => {
  const library = new LibraryPage(app);
  await library.row(SAMPLE_TITLE).getByRole('link').click();
  const reader = new ReaderPage(app);
  await reader.highlight(SENTENCE, 'yellow');

  // The figure form reads the number, unit, qualifier and period from the quote.
  await reader.item(SENTENCE).getByRole('button', { name: 'Figure' }).click();
  const figureDialog = app.getByRole('dialog', { name: 'Add figure' });
  await expect(figureDialog.getByLabel('Value')).toHaveValue('70');
  await expect(figureDialog.getByLabel('Unit')).toHaveValue('%');
  await expect(figureDialog.getByLabel('Qualifier')).toHaveValue('approximately');
  await figureDialog.getByLabel('Metric').fill('share of mine production');
  await figureDialog.getByLabel('Entity').fill('China');
  await figureDialog.getByLabel('Period').fill('2024');
  await figureDialog.getByRole('button', { name: 'Save figure' }).click();
  await expect(figureDialog).toBeHidden();
  await expect(reader.item(SENTENCE)).toContainText('1 figure');

  // A claim from the same passage, judged accurate: the reader shows the verdict on the highlight.
  await reader.item(SENTENCE).getByRole('button', { name: 'Claim' }).click();
  const claimDialog = app.getByRole('dialog', { name: 'New claim' });
  await expect(claimDialog.getByLabel('Statement')).toHaveValue(SENTENCE);
  await claimDialog.getByLabel('Verdict').selectOption({ label: 'Accurate' });
  await claimDialog.getByRole('button', { name: 'Save claim' }).click();
  await expect(claimDialog).toBeHidden();
  await expect(reader.item(SENTENCE).locator('.verdict-badge')).toHaveText('Accurate');
  await expect(app.locator('.article-text .assay-verdict-accurate').first()).toBeVisible();

  // The figure is in the figures table, sourced from the highlight.
  const figures = new FiguresPage(app);
  await figures.open();
  const row = figures.row('China', 'share of mine production', '2024');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('70');

  // Link the claim to the figure; the ledger shows the verdict and the link.
  const claims = new ClaimsPage(app);
  await claims.open();
  await claims.row('China accounts for nearly 70%').click();
  await claims.pane.getByRole('button', { name: 'Link evidence' }).click();
  const linkForm = claims.pane.getByRole('form', { name: 'Link evidence' });
  await linkForm.getByLabel('Relation').selectOption({ label: 'supports' });
  await claims.pickFigure(linkForm, 'Evidence figure', 'share of mine', /^China ·/);
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  await expect(claims.pane.getByRole('list', { name: 'Evidence links' }).getByRole('listitem')).toHaveCount(1);
  await expect(claims.row('China accounts for nearly 70%')).toContainText('Accurate');
  await claims.expectCount('Accurate', 1);

  // Two figures for the same metric, entity and period that disagree are flagged as competing.
  await callContract(app, 'figures.create', {
    metric: 'share of mine production',
    entity: 'China',
    value: 62,
    unit: '%',
    period: '2024',
    citation: { title: 'A miscalculated report' }
  });
  await figures.open();
  const competing = await figures.showCompeting();
  await expect(competing).toContainText('share of mine production');
  await expect(competing).toContainText('70');
  await expect(competing).toContainText('62');
});
