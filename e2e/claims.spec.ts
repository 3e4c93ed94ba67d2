// The claims ledger in browser mode: a claim typed in by hand, its verdict, its evidence, a share
// computed from two figures and checked against the stated number, delete and undo.
import { expect, test } from './fixtures';
import { callContract, ClaimsPage } from './pages/claims-page';
import { ReaderPage } from './pages/reader-page';

const STATEMENT = 'China accounts for nearly 70% of global mine production';

test.beforeEach(async ({ app }) => {
  // The figures view makes these in real use; here they come straight through the contract.
  await callContract(app, 'figures.create', {
    metric: 'rare earth mine production',
    entity: 'China',
    value: '270,000',
    unit: 't',
    period: '2024'
  });
  await callContract(app, 'figures.create', {
    metric: 'rare earth mine production',
    entity: 'World',
    value: 390000,
    unit: 't',
    period: '2024'
  });
});

test('a claim typed in: verdict, a share that adds up, evidence, delete and undo', async ({ app }) => {
  const claims = new ClaimsPage(app);
  await claims.open();
  await claims.expectCount('All', 0);

  // A claim needs words; the form says which field is wrong.
  await app.getByRole('button', { name: 'New claim' }).click();
  await claims.pane.getByRole('button', { name: 'Save claim' }).click();
  await expect(claims.pane.getByRole('alert')).toHaveText(/Statement/);
  await expect(claims.pane.getByLabel('Statement')).toHaveAttribute('aria-invalid', 'true');
  await claims.pane.getByRole('button', { name: 'Cancel' }).click();

  await claims.newClaim({ statement: STATEMENT, rationale: 'USGS 2025 summary', tags: 'rare earths, mining' });
  await expect(claims.row(STATEMENT)).toBeVisible();
  await expect(claims.row(STATEMENT)).toHaveClass(/selected/);
  await expect(app).toHaveURL(/#\/claims\/[^/]+$/);
  await claims.expectCount('All', 1);
  await claims.expectCount('Unverified', 1);
  await expect(claims.pane.getByRole('heading', { name: STATEMENT })).toBeVisible();
  await expect(claims.row(STATEMENT).locator('td').nth(3)).toHaveText('—');

  // The verdict saves as soon as it is chosen, and the chips follow.
  await claims.pane.getByLabel('Verdict').selectOption({ label: 'Mostly accurate' });
  await expect(claims.row(STATEMENT).locator('.verdict-badge')).toHaveText('Mostly accurate');
  await claims.expectCount('Mostly accurate', 1);
  await claims.expectCount('Unverified', 0);

  // Ctrl+Z outside a field takes the latest change back; the ledger and the pane both follow.
  await claims.pane.getByLabel('Verdict').selectOption({ label: 'Disputed' });
  await claims.expectCount('Disputed', 1);
  await claims.pane.getByRole('heading', { name: STATEMENT }).click();
  await app.keyboard.press('Control+z');
  await expect(claims.pane.getByLabel('Verdict')).toHaveValue('mostly_accurate');
  await claims.expectCount('Disputed', 0);
  await claims.expectCount('Mostly accurate', 1);

  // The stated number: "nearly 70%".
  const stated = claims.pane.getByRole('form', { name: 'Stated number' });
  await stated.getByLabel('Stated qualifier').selectOption({ label: 'approximately' });
  await stated.getByLabel('Stated value').fill('70');
  await stated.getByLabel('Stated unit').fill('%');
  await stated.getByRole('button', { name: 'Save number' }).click();
  await expect(claims.consistency).toContainText('~70%');

  // The share: China ÷ World.
  const computation = claims.pane.getByRole('form', { name: 'Computation' });
  await computation.getByLabel('Computation kind').selectOption('share');
  await claims.pickFigure(computation, 'Figure A', 'china', /^China · rare earth mine production · 2024: 270,000 t$/);
  await claims.pickFigure(computation, 'Figure B', 'world', /^World · rare earth mine production · 2024: 390,000 t$/);
  await computation.getByLabel('Tolerance (percentage points)').fill('1');
  await computation.getByRole('button', { name: 'Save computation' }).click();
  await expect(claims.consistency).toContainText('270,000 t ÷ 390,000 t = 69.2%');
  await expect(claims.consistency.locator('.consistency-badge')).toHaveText('✓ consistent');
  await expect(claims.row(STATEMENT).locator('.consistency-badge')).toHaveText('✓ consistent');

  // With no tolerance, 69.2% is not 70%: the check says so.
  await computation.getByLabel('Tolerance (percentage points)').fill('0');
  await computation.getByRole('button', { name: 'Save computation' }).click();
  await expect(claims.consistency.locator('.consistency-badge')).toHaveText('✗ inconsistent');
  await expect(claims.row(STATEMENT).locator('.consistency-badge')).toHaveText('✗ inconsistent');
  await computation.getByLabel('Tolerance (percentage points)').fill('1');
  await computation.getByRole('button', { name: 'Save computation' }).click();
  await expect(claims.consistency.locator('.consistency-badge')).toHaveText('✓ consistent');

  // Evidence: the China figure supports the claim.
  await claims.pane.getByRole('button', { name: 'Link evidence' }).click();
  const linkForm = claims.pane.getByRole('form', { name: 'Link evidence' });
  await linkForm.getByLabel('Relation').selectOption({ label: 'supports' });
  await claims.pickFigure(linkForm, 'Evidence figure', 'China', /^China ·/);
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  const links = claims.pane.getByRole('list', { name: 'Evidence links' });
  await expect(links.getByRole('listitem')).toHaveCount(1);
  await expect(links.getByRole('listitem')).toContainText('supports');
  await expect(links.getByRole('link')).toHaveText('China, rare earth mine production, 2024: 270,000 t');
  await expect(links.getByRole('link')).toHaveAttribute('href', /^#\/figures\/.+/);
  await expect(claims.row(STATEMENT).locator('td.number')).toHaveText('1');

  // Linking the same figure the same way twice is refused in words.
  await claims.pane.getByRole('button', { name: 'Link evidence' }).click();
  await claims.pickFigure(linkForm, 'Evidence figure', 'China', /^China ·/);
  await linkForm.getByRole('button', { name: 'Add link' }).click();
  await expect(linkForm.getByRole('alert')).toContainText('already linked');
  await linkForm.getByRole('button', { name: 'Cancel' }).click();

  // Delete, then take it back from the notice.
  await claims.pane.getByRole('button', { name: 'Delete claim' }).click();
  await expect(claims.row(STATEMENT)).toHaveCount(0);
  await claims.expectCount('All', 0);
  await claims.expectCount('Mostly accurate', 0);
  await app.getByRole('status').getByRole('button', { name: 'Undo' }).click();
  await expect(claims.row(STATEMENT)).toBeVisible();
  await claims.expectCount('Mostly accurate', 1);
  await expect(claims.consistency.locator('.consistency-badge')).toHaveText('✓ consistent');
  await expect(claims.pane.getByRole('list', { name: 'Evidence links' }).getByRole('listitem')).toHaveCount(1);

  // The edits survive a reload.
  await app.reload();
  await expect(claims.row(STATEMENT).locator('.verdict-badge')).toHaveText('Mostly accurate');
  await expect(claims.consistency).toContainText('270,000 t ÷ 390,000 t = 69.2%');
});

test('the ledger filters by verdict, tag and article, and a quote opens the article at its passage', async ({ app }) => {
  const articles = await callContract(app, 'articles.list', {});
  const sample = articles.items[0];
  const article = await callContract(app, 'articles.get', { id: sample.id });
  const highlight = article.highlights[0];
  await callContract(app, 'claims.create', { highlightIds: [highlight.id], verdict: 'misleading', tags: ['sourcing'] });
  await callContract(app, 'claims.create', { statement: 'Refining is even more concentrated than mining', verdict: 'accurate' });

  const claims = new ClaimsPage(app);
  await claims.open();
  await expect(claims.rows).toHaveCount(2);
  await claims.expectCount('All', 2);
  await claims.expectCount('Misleading', 1);
  await claims.expectCount('Accurate', 1);

  await claims.chip('Accurate').click();
  await expect(claims.chip('Accurate')).toHaveAttribute('aria-pressed', 'true');
  await expect(claims.rows).toHaveCount(1);
  await expect(claims.rows).toContainText('Refining is even more concentrated');
  await claims.chip('All').click();
  await expect(claims.rows).toHaveCount(2);

  await app.getByLabel('Tag', { exact: true }).selectOption('sourcing');
  await expect(claims.rows).toHaveCount(1);
  // Counts follow the other filters.
  await claims.expectCount('All', 1);
  await claims.expectCount('Accurate', 0);
  await app.getByLabel('Tag', { exact: true }).selectOption('');

  await app.getByLabel('Article', { exact: true }).selectOption({ label: sample.title });
  await expect(claims.rows).toHaveCount(1);
  await expect(claims.rows.locator('.article-cell')).toHaveText(sample.title);

  // Row → detail; the quote → the article, scrolled to the highlight.
  await claims.rows.first().click();
  const quote = claims.pane.getByRole('region', { name: 'Quotes' }).getByRole('link');
  await expect(quote).toHaveText(highlight.quote.exact);
  await quote.click();
  const reader = new ReaderPage(app);
  await reader.expectTitle(sample.title);
  await expect(app).toHaveURL(new RegExp(`#/article/${sample.id}/highlight/${highlight.id}$`));
  await expect(reader.items.filter({ hasText: highlight.quote.exact.slice(0, 40) })).toHaveClass(/active/);
});
