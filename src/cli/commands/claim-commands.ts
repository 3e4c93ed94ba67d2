// assay claim add|link|show and assay claims: checked claims, their evidence links and the ledger.
import {
  LINK_RELATION_LABELS,
  LINK_RELATIONS,
  VERDICT_LABELS,
  VERDICTS,
  type ClaimDetail,
  type ClaimSummary,
  type Verdict
} from '../../shared/evidence';
import { UsageError, withLibrary, writeJson, type CliIo, type CommandSpec } from '../cli-context';
import { choiceOption, integerOption, singleOption } from '../cli-options';
import { printable, renderTable, singleLine, truncate } from '../terminal-text';
import { checkLabel, describeAmount, ID_PREFIX_LENGTH, resolveId, shortId } from './evidence-text';

const VERDICT_CHOICES = VERDICTS.join('|');

/** `assay claims --json` output: the contract's `claims.list` result. */
export interface ClaimLedger {
  items: ClaimSummary[];
  total: number;
  /** Counts use every filter but --verdict, so they show what each verdict holds. */
  countsByVerdict: Record<Verdict, number>;
}

const claimAddCommand: CommandSpec = {
  name: 'claim add',
  summary: 'add a claim, from highlights or a statement, with a verdict',
  usage: `assay claim add [--article ID] [--highlight ID]... [--statement TEXT] [--verdict ${VERDICT_CHOICES}] [--rationale TEXT] [--tag NAME]... [--json]`,
  options: ['json', 'article', 'highlight', 'statement', 'verdict', 'rationale', 'tag'],
  args: { min: 0, max: 0 },
  details: [
    '--highlight ID     a highlight the claim is made from (repeatable; all from one article)',
    '--statement TEXT   what the claim says (default: the highlighted quotes)',
    '--article ID       the article, for a claim without highlights',
    `--verdict V        ${VERDICTS.join(', ')} (default unverified)`,
    '--rationale TEXT   why the verdict',
    '--tag NAME         a tag (repeatable)',
    'A number in the statement ("~69%") is read and kept as the number the claim states.'
  ],
  run: (context) => {
    const { io, options } = context;
    const highlightIds = options.highlight ?? [];
    if (highlightIds.length === 0 && (options.statement === undefined || options.statement.trim() === '')) {
      throw new UsageError('claim add needs --statement TEXT or --highlight ID (the statement then defaults to the quote).');
    }
    const verdict = choiceOption(options.verdict, 'verdict', VERDICTS);
    return withLibrary(context, ({ dispatcher }) => {
      const claim = dispatcher.call('claims.create', {
        highlightIds,
        articleId: options.article ?? null,
        statement: options.statement,
        verdict,
        rationale: options.rationale,
        tags: options.tag
      });
      if (options.json) writeJson(io, claim);
      else io.stdout.write(`Added claim “${truncate(singleLine(claim.statement), 100)}” (${VERDICT_LABELS[claim.verdict]}).\nid ${claim.id}\n`);
      return 0;
    });
  }
};

const claimLinkCommand: CommandSpec = {
  name: 'claim link',
  summary: 'link a claim to a figure or another claim as evidence',
  usage: `assay claim link CLAIM_ID --figure ID|--claim ID --relation ${LINK_RELATIONS.join('|')} [--json]`,
  options: ['json', 'figure', 'claim', 'relation'],
  args: { min: 1, max: 1 },
  details: [
    '--figure ID        the figure that is evidence for the claim',
    '--claim ID         or another claim',
    `--relation R       ${LINK_RELATIONS.join(', ')}: how the figure or claim bears on CLAIM_ID`,
    `Ids may be shortened to any unique start (tables print ${ID_PREFIX_LENGTH} characters).`
  ],
  run: (context) => {
    const { io, options } = context;
    if ((options.figure === undefined) === (options.claim === undefined)) {
      throw new UsageError('claim link needs exactly one of --figure ID and --claim ID.');
    }
    if (options.relation === undefined) {
      throw new UsageError(`claim link needs --relation ${LINK_RELATIONS.join('|')}.`);
    }
    const relation = choiceOption(options.relation, 'relation', LINK_RELATIONS)!;
    const targetKind = options.figure !== undefined ? 'figure' : 'claim';
    return withLibrary(context, ({ dispatcher }) => {
      const claimId = resolveId(dispatcher, 'claim', context.args[0]);
      const targetId = resolveId(dispatcher, targetKind, (options.figure ?? options.claim)!);
      const link = dispatcher.call('links.create', { claimId, targetKind, targetId, relation });
      if (options.json) {
        writeJson(io, link);
      } else {
        io.stdout.write(
          `Linked: ${targetKind} “${truncate(singleLine(link.targetLabel), 80)}” ${LINK_RELATION_LABELS[link.relation]} claim ${shortId(claimId)}.\nid ${link.id}\n`
        );
      }
      return 0;
    });
  }
};

const claimShowCommand: CommandSpec = {
  name: 'claim show',
  summary: "show a claim: statement, verdict, quotes, evidence and consistency check",
  usage: 'assay claim show ID [--json]',
  options: ['json'],
  args: { min: 1, max: 1 },
  details: [`ID may be shortened to any unique start (the ledger prints ${ID_PREFIX_LENGTH} characters).`],
  run: (context) =>
    withLibrary(context, ({ dispatcher }) => {
      const claim = dispatcher.call('claims.get', { id: resolveId(dispatcher, 'claim', context.args[0]) });
      if (context.options.json) writeJson(context.io, claim);
      else writeClaim(context.io, claim);
      return 0;
    })
};

interface LinkRow {
  relation: string;
  kind: string;
  id: string;
  what: string;
}

function writeLinks(io: CliIo, heading: string, rows: LinkRow[]): void {
  if (rows.length === 0) return;
  io.stdout.write(`\n── ${heading} ──\n\n`);
  io.stdout.write(
    renderTable<LinkRow>(
      [
        { header: 'RELATION', value: (row) => row.relation },
        { header: 'KIND', value: (row) => row.kind },
        { header: 'ID', value: (row) => row.id },
        { header: 'WHAT', value: (row) => row.what, maxWidth: 100 }
      ],
      rows
    )
  );
}

function writeClaim(io: CliIo, claim: ClaimDetail): void {
  const fields: [string, string | null][] = [
    ['Statement', claim.statement],
    ['ID', claim.id],
    ['Verdict', VERDICT_LABELS[claim.verdict]],
    ['Article', claim.articleTitle ? `${claim.articleTitle} (${claim.articleId})` : null],
    ['Tags', claim.tags.join(', ') || null],
    ['States', claim.stated ? describeAmount(claim.stated) : null],
    ['Check', claim.check ? checkLabel(claim.check) : 'no computation (the claim does not say how its number follows from figures)'],
    ['Added', claim.createdAt],
    ['Rationale', claim.rationale || null]
  ];
  const labelWidth = Math.max(...fields.map(([label]) => label.length));
  for (const [label, value] of fields) io.stdout.write(`${label.padEnd(labelWidth)}  ${singleLine(value ?? '—')}\n`);

  if (claim.quotes.length > 0) {
    io.stdout.write('\n── Quotes ──\n');
    claim.quotes.forEach((quote, index) => {
      io.stdout.write(`\n${index + 1}. “${truncate(singleLine(quote.quote), 300)}”\n   highlight ${quote.highlightId}\n`);
    });
  }
  // This claim's evidence: the figures and claims it links to, and how they bear on it.
  writeLinks(
    io,
    'Evidence',
    claim.links.map((link) => ({
      relation: LINK_RELATION_LABELS[link.relation],
      kind: link.targetKind,
      id: shortId(link.targetId),
      what: link.targetLabel
    }))
  );
  // Other claims that cite this one: their links name this claim as the target.
  writeLinks(
    io,
    'Evidence for other claims',
    claim.linkedFrom.map((link) => ({
      relation: LINK_RELATION_LABELS[link.relation],
      kind: 'claim',
      id: shortId(link.claimId),
      what: `this claim ${LINK_RELATION_LABELS[link.relation]} claim ${shortId(link.claimId)}`
    }))
  );
  if (claim.check) {
    io.stdout.write(`\n── Consistency ──\n\n${checkLabel(claim.check)}`);
    if (claim.check.formula) io.stdout.write(`: ${printable(claim.check.formula)}`);
    io.stdout.write(`\n${singleLine(claim.check.explanation)}\n`);
  }
}

export const claimCommand: CommandSpec = {
  name: 'claim',
  summary: 'add a claim, link it to evidence, or show one',
  usage: 'assay claim add|link|show …',
  options: [],
  args: { min: 0, max: Infinity },
  subcommands: [claimAddCommand, claimLinkCommand, claimShowCommand]
};

export const claimsCommand: CommandSpec = {
  name: 'claims',
  summary: 'the claims ledger: counts by verdict and a table of claims',
  usage: `assay claims [--verdict ${VERDICT_CHOICES}] [--tag NAME] [--article ID] [--limit N] [--json]`,
  options: ['json', 'verdict', 'tag', 'article', 'limit'],
  args: { min: 0, max: 0 },
  details: [
    '--verdict V        only claims with this verdict',
    '--tag NAME         only claims with this tag',
    '--article ID       only claims about this article',
    '--limit N          at most N claims, newest first, 1–1000 (default 200)',
    'The counts by verdict use every filter but --verdict.'
  ],
  run: (context) => {
    const { io, options } = context;
    const verdict = choiceOption(options.verdict, 'verdict', VERDICTS);
    const tag = singleOption(options.tag, 'tag');
    const limit = integerOption(options.limit, 'limit', 1, 1000) ?? 200;
    return withLibrary(context, ({ dispatcher }) => {
      const ledger = dispatcher.call('claims.list', { verdict: verdict ?? null, tag: tag ?? null, articleId: options.article ?? null, limit });
      if (options.json) writeJson(io, ledger satisfies ClaimLedger);
      else writeLedger(io, ledger, verdict !== undefined || tag !== undefined || options.article !== undefined);
      return 0;
    });
  }
};

function writeLedger(io: CliIo, ledger: ClaimLedger, filtered: boolean): void {
  io.stdout.write(`${VERDICTS.map((verdict) => `${VERDICT_LABELS[verdict]} ${ledger.countsByVerdict[verdict]}`).join(' · ')}\n\n`);
  if (ledger.items.length === 0) {
    io.stdout.write(filtered ? 'No claims match.\n' : 'The library has no claims yet; add one with `assay claim add`.\n');
    return;
  }
  io.stdout.write(
    renderTable<ClaimSummary>(
      [
        { header: 'ID', value: (claim) => shortId(claim.id) },
        { header: 'VERDICT', value: (claim) => VERDICT_LABELS[claim.verdict] },
        { header: 'STATEMENT', value: (claim) => claim.statement, maxWidth: 60 },
        { header: 'ARTICLE', value: (claim) => claim.articleTitle ?? '—', maxWidth: 30 },
        { header: 'CHECK', value: (claim) => checkLabel(claim.check) }
      ],
      ledger.items
    )
  );
  if (ledger.items.length < ledger.total) io.stdout.write(`${ledger.items.length} of ${ledger.total} claims (use --limit to see more).\n`);
}
