// assay claim add|link|show and assay claims, in-process against a fresh sample library.
import { describe, expect, it } from 'vitest';
import type { ClaimDetail, EvidenceLink, Figure } from '../../shared/evidence';
import { useCliHarness } from '../cli-test-harness';
import type { ClaimLedger } from './claim-commands';

const { assay, json, sampleArticle } = useCliHarness();

const CHINA_SHARE = 'Chinese mines produced an estimated 270,000 tons of rare-earth oxide equivalent in 2024';

async function chinaHighlight() {
  const article = await sampleArticle();
  const highlight = article.highlights.find((candidate) => candidate.quote.exact.startsWith(CHINA_SHARE));
  expect(highlight).toBeDefined();
  return { article, highlight: highlight! };
}

describe('assay claim add', () => {
  it('makes a claim from a highlight of the sample article, with the quote as its statement', async () => {
    const { article, highlight } = await chinaHighlight();
    const claim = await json<ClaimDetail>(
      'claim', 'add', '--highlight', highlight.id, '--verdict', 'accurate', '--rationale', 'USGS MCS 2025', '--tag', 'usgs', '--tag', 'china'
    );
    expect(claim).toMatchObject({
      articleId: article.id,
      articleTitle: article.title,
      statement: highlight.quote.exact,
      verdict: 'accurate',
      rationale: 'USGS MCS 2025',
      tags: ['china', 'usgs'],
      highlightIds: [highlight.id],
      quotes: [{ highlightId: highlight.id, quote: highlight.quote.exact }],
      links: []
    });

    const human = await assay('claim', 'add', '--statement', 'China mines nearly 70% of rare earths', '--article', article.id);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(/^Added claim “China mines nearly 70% of rare earths” \(Unverified\)\.\nid [0-9a-f-]{36}\n$/);
  });

  it('refuses a claim with neither statement nor highlight, an unknown verdict, and a missing highlight', async () => {
    const empty = await assay('claim', 'add');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain('claim add needs --statement TEXT or --highlight ID');
    expect(empty.stderr).toContain('Usage: assay claim add');

    const verdict = await assay('claim', 'add', '--statement', 'x', '--verdict', 'true');
    expect(verdict.code).toBe(2);
    expect(verdict.stderr).toContain('--verdict must be one of accurate, mostly_accurate, misleading');

    const missing = await assay('claim', 'add', '--highlight', 'no-such-highlight');
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toBe('assay: highlightIds: there is no highlight no-such-highlight (it may have been deleted).\n');
    expect((await json<ClaimLedger>('claims')).total).toBe(0);
  });
});

describe('assay claim link and claim show', () => {
  it('links a claim to a figure and another claim, accepting short ids, and shows it all', async () => {
    const { highlight } = await chinaHighlight();
    const claim = await json<ClaimDetail>('claim', 'add', '--highlight', highlight.id, '--verdict', 'accurate');
    const other = await json<ClaimDetail>('claim', 'add', '--statement', 'China dominates rare-earth mining', '--verdict', 'mostly_accurate');
    const figure = await json<Figure>(
      'figure', 'add', '--metric', 'mine_production', '--entity', 'China', '--value', '270,000', '--unit', 't', '--period', '2024',
      '--source', 'USGS Mineral Commodity Summaries', '--edition', '2025'
    );

    const link = await json<EvidenceLink>('claim', 'link', claim.id.slice(0, 8), '--figure', figure.id, '--relation', 'supports');
    expect(link).toMatchObject({
      claimId: claim.id,
      targetKind: 'figure',
      targetId: figure.id,
      relation: 'supports',
      targetLabel: 'China, mine_production, 2024: 270,000 t'
    });
    const human = await assay('claim', 'link', other.id, '--claim', claim.id.slice(0, 8), '--relation', 'derived_from');
    expect(human.code).toBe(0);
    expect(human.stdout).toContain(`derived from claim ${other.id.slice(0, 8)}.`);

    const shown = await json<ClaimDetail>('claim', 'show', claim.id);
    expect(shown.links.map((item) => [item.relation, item.targetId])).toEqual([['supports', figure.id]]);
    expect(shown.linkedFrom.map((item) => [item.relation, item.claimId])).toEqual([['derived_from', other.id]]);
    expect(shown.stated).toMatchObject({ value: 270000, unit: 't' });

    const page = await assay('claim', 'show', claim.id.slice(0, 6));
    expect(page.code).toBe(0);
    expect(page.stdout).toMatch(/^Statement +Chinese mines produced/);
    expect(page.stdout).toMatch(/Verdict +Accurate\n/);
    expect(page.stdout).toContain('── Quotes ──');
    expect(page.stdout).toMatch(/supports +figure +[0-9a-f]{8} +China, mine_production, 2024: 270,000 t/);
    expect(page.stdout).toContain('── Evidence for other claims ──');
  });

  it('needs exactly one target and a relation, and says when the claim or figure does not exist', async () => {
    const claim = await json<ClaimDetail>('claim', 'add', '--statement', 'Prices fell 20%');
    expect((await assay('claim', 'link', claim.id, '--relation', 'supports')).code).toBe(2);
    expect((await assay('claim', 'link', claim.id, '--figure', 'a', '--claim', 'b', '--relation', 'supports')).code).toBe(2);
    const noRelation = await assay('claim', 'link', claim.id, '--figure', 'abc');
    expect([noRelation.code, noRelation.stderr.split('\n')[0]]).toEqual([2, 'assay: claim link needs --relation supports|contradicts|qualifies|derived_from.']);

    const noFigure = await assay('claim', 'link', claim.id, '--figure', 'no-such-figure', '--relation', 'supports');
    expect(noFigure).toMatchObject({ code: 1, stderr: 'assay: targetId: there is no figure no-such-figure.\n' });
    const noClaim = await assay('claim', 'show', 'no-such-claim');
    expect(noClaim).toMatchObject({ code: 1, stderr: 'assay: There is no claim with id no-such-claim.\n' });
  });
});

describe('assay claims', () => {
  it('counts claims by verdict and filters by verdict, tag and article', async () => {
    const { article, highlight } = await chinaHighlight();
    await json('claim', 'add', '--highlight', highlight.id, '--verdict', 'accurate', '--tag', 'usgs');
    await json('claim', 'add', '--statement', 'Bayan Obo holds 40% of reserves', '--article', article.id, '--verdict', 'unverified');
    await json('claim', 'add', '--statement', 'Magnets: 90% made in China', '--verdict', 'unverified', '--tag', 'magnets');

    const all = await json<ClaimLedger>('claims');
    expect(all.total).toBe(3);
    expect(all.countsByVerdict).toEqual({ accurate: 1, mostly_accurate: 0, misleading: 0, inaccurate: 0, unverified: 2, disputed: 0 });

    const unverified = await json<ClaimLedger>('claims', '--verdict', 'unverified');
    expect(unverified.items.map((claim) => claim.statement)).toEqual(['Magnets: 90% made in China', 'Bayan Obo holds 40% of reserves']);
    // The counts keep showing every verdict, so a filtered ledger still says what the others hold.
    expect(unverified.countsByVerdict.accurate).toBe(1);

    expect((await json<ClaimLedger>('claims', '--tag', 'usgs')).items.map((claim) => claim.verdict)).toEqual(['accurate']);
    const ofArticle = await json<ClaimLedger>('claims', '--article', article.id);
    expect([ofArticle.total, ofArticle.countsByVerdict.unverified]).toEqual([2, 1]);
    expect((await assay('claims', '--tag', 'a', '--tag', 'b')).code).toBe(2);
  });

  it('prints the counts, then a table for people', async () => {
    const empty = await assay('claims');
    expect(empty.stdout).toBe(
      'Accurate 0 · Mostly accurate 0 · Misleading 0 · Inaccurate 0 · Unverified 0 · Disputed 0\n\n' +
        'The library has no claims yet; add one with `assay claim add`.\n'
    );
    const { highlight } = await chinaHighlight();
    const claim = await json<ClaimDetail>('claim', 'add', '--highlight', highlight.id, '--verdict', 'accurate');
    const { stdout } = await assay('claims');
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('Accurate 1 · Mostly accurate 0 · Misleading 0 · Inaccurate 0 · Unverified 0 · Disputed 0');
    expect(lines[2]).toMatch(/^ID +VERDICT +STATEMENT +ARTICLE +CHECK$/);
    expect(lines[3]).toMatch(new RegExp(`^${claim.id.slice(0, 8)}  Accurate +Chinese mines produced .*… +Who really controls`));
  });

  it('explains subcommands in help and usage errors', async () => {
    const help = await assay('claim', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: assay claim add|link|show');
    expect(help.stdout).toContain('  assay claim link CLAIM_ID --figure ID|--claim ID --relation');
    expect((await assay('claim', 'add', '--help')).stdout).toContain('--highlight ID     a highlight the claim is made from');
    expect((await assay('help', 'claim', 'show')).stdout).toContain('Usage: assay claim show ID [--json]');

    const none = await assay('claim');
    expect([none.code, none.stderr.split('\n')[0]]).toEqual([2, 'assay: claim needs a subcommand: add, link or show.']);
    const wrong = await assay('claim', 'remove', 'x');
    expect([wrong.code, wrong.stderr.split('\n')[0]]).toEqual([2, 'assay: claim has no subcommand "remove"; use add, link or show.']);
    const foreign = await assay('claim', 'show', 'x', '--verdict', 'accurate');
    expect(foreign.stderr).toContain('assay: claim show does not take --verdict.\nUsage: assay claim show ID [--json]\nRun `assay claim show --help` for more.');
  });
});
