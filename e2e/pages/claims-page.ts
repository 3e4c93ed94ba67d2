// Page model of the claims ledger and its detail pane.
import { expect, type Locator, type Page } from '@playwright/test';
import type { MethodInput, MethodName, MethodResult } from '../../src/shared/contract';

/**
 * Calls the contract the way the page does (browser mode: POST /api/<method> with the token the
 * host wrote into index.html). For seeding what another view would make, e.g. figures.
 */
export async function callContract<K extends MethodName>(page: Page, method: K, input: MethodInput<K>): Promise<MethodResult<K>> {
  return page.evaluate(
    async ([name, body]) => {
      const token = document.querySelector<HTMLMetaElement>('meta[name="assay-token"]')?.content ?? '';
      const response = await fetch(`/api/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-assay-token': token },
        body: JSON.stringify(body)
      });
      const envelope = (await response.json()) as { ok: boolean; result?: unknown; error?: { message: string } };
      if (!envelope.ok) throw new Error(envelope.error?.message ?? 'contract call failed');
      return envelope.result;
    },
    [method, input] as const
  ) as Promise<MethodResult<K>>;
}

export class ClaimsPage {
  constructor(readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Claims' }).click();
    await expect(this.page.getByRole('region', { name: 'Claims' })).toBeVisible();
  }

  get rows(): Locator {
    return this.page.locator('tr.claim-row');
  }

  row(statement: string): Locator {
    return this.rows.filter({ hasText: statement });
  }

  /** A verdict chip by its label ("All", "Accurate", "Mostly accurate", …). */
  chip(label: string): Locator {
    return this.page
      .getByRole('group', { name: 'Filter by verdict' })
      .getByRole('button', { name: new RegExp(`^${label} \\d+$`) });
  }

  async expectCount(label: string, count: number): Promise<void> {
    await expect(this.chip(label).locator('.chip-count')).toHaveText(String(count));
  }

  get pane(): Locator {
    return this.page.getByRole('complementary', { name: 'Claim detail' });
  }

  get editor(): Locator {
    return this.pane.getByRole('form', { name: /^(New|Edit) claim$/ });
  }

  get consistency(): Locator {
    return this.pane.getByRole('region', { name: 'Consistency check' });
  }

  async newClaim(input: { statement: string; verdict?: string; rationale?: string; tags?: string }): Promise<void> {
    await this.page.getByRole('button', { name: 'New claim' }).click();
    const editor = this.pane.getByRole('form', { name: 'New claim' });
    await editor.getByLabel('Statement').fill(input.statement);
    if (input.verdict) await editor.getByLabel('Verdict').selectOption({ label: input.verdict });
    if (input.rationale) await editor.getByLabel('Rationale').fill(input.rationale);
    if (input.tags) await editor.getByLabel('Tags').fill(input.tags);
    await editor.getByRole('button', { name: 'Save claim' }).click();
    await expect(editor).toBeHidden();
  }

  /** Types into a figure picker and chooses the first option that matches. */
  async pickFigure(within: Locator, label: string, search: string, option: RegExp): Promise<void> {
    await within.getByLabel(label, { exact: true }).fill(search);
    await within.getByRole('option', { name: option }).click();
  }
}
