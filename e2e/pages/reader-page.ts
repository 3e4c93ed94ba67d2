// Page model of the reader: the article text, the selection toolbar and the highlights panel.
import { expect, type Locator, type Page } from '@playwright/test';

export class ReaderPage {
  constructor(readonly page: Page) {}

  get text(): Locator {
    return this.page.getByLabel('Article text');
  }

  get panel(): Locator {
    return this.page.getByRole('complementary', { name: 'Highlights' });
  }

  get items(): Locator {
    return this.panel.locator('li.highlight-item');
  }

  item(quote: string): Locator {
    return this.items.filter({ hasText: quote });
  }

  async expectTitle(title: string): Promise<void> {
    await expect(this.page.locator('h1.article-title')).toHaveText(title);
  }

  /** Selects the first occurrence of `phrase` in the article the way a mouse would, then releases. */
  async select(phrase: string): Promise<void> {
    await this.text.waitFor();
    const found = await this.page.evaluate(async (wanted) => {
      const root = document.querySelector('.article-text')!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      // Collect text nodes so that a phrase spanning formatting (bold, highlights) is found.
      const nodes: Text[] = [];
      let all = '';
      while (walker.nextNode()) {
        nodes.push(walker.currentNode as Text);
        all += (walker.currentNode as Text).data;
      }
      const at = all.indexOf(wanted);
      if (at < 0) return false;
      const locate = (offset: number, preferNext: boolean) => {
        let seen = 0;
        for (const node of nodes) {
          const end = seen + node.data.length;
          if (offset < end || (!preferNext && offset === end)) return { node, offset: offset - seen };
          seen = end;
        }
        const last = nodes[nodes.length - 1];
        return { node: last, offset: last.data.length };
      };
      const start = locate(at, true);
      const end = locate(at + wanted.length, false);
      // As a person would: the passage is on screen (and laid out: off-screen blocks may be
      // skipped by content-visibility) before the selection is made in it.
      start.node.parentElement!.scrollIntoView({ block: 'center' });
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      // A click would focus the text when it is being edited; the keys that follow go there.
      if ((root as HTMLElement).isContentEditable) (root as HTMLElement).focus({ preventScroll: true });
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      start.node.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      // Let the editor read the new selection before the next key arrives.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return true;
    }, phrase);
    expect(found, `the article contains “${phrase}”`).toBe(true);
  }

  async highlight(phrase: string, color: string, note?: string): Promise<void> {
    await this.select(phrase);
    await this.page.getByRole('toolbar', { name: 'Highlight selection' }).getByRole('button', { name: `Highlight ${color}` }).click();
    const item = this.item(phrase.slice(0, 30));
    await expect(item).toBeVisible();
    if (note !== undefined) {
      const field = item.getByLabel('Note');
      await expect(field).toBeFocused();
      await field.fill(note);
      await field.press('Control+Enter');
      await expect(this.page.locator('.notice-error')).toHaveCount(0);
    }
  }

  /** The article text covered by highlights, by highlight id. */
  async drawnHighlights(): Promise<Record<string, string>> {
    return this.page.evaluate(() => {
      const byId: Record<string, string> = {};
      for (const element of document.querySelectorAll<HTMLElement>('.article-text [data-highlight-ids]')) {
        for (const id of element.dataset.highlightIds!.split(' ')) byId[id] = (byId[id] ?? '') + element.textContent;
      }
      return byId;
    });
  }
}
