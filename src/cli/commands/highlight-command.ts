// assay highlight: highlights the one place in an article where a quote occurs.
import { HIGHLIGHT_COLORS } from '../../shared/domain';
import { UsageError, withLibrary, writeJson, type CommandSpec } from '../cli-context';
import { choiceOption } from '../cli-options';
import { singleLine, truncate } from '../terminal-text';

export const highlightCommand: CommandSpec = {
  name: 'highlight',
  summary: 'highlight a quote in an article, with an optional note',
  usage: `assay highlight ID --quote "exact text" [--note TEXT] [--color ${HIGHLIGHT_COLORS.join('|')}] [--json]`,
  options: ['json', 'quote', 'note', 'color'],
  args: { min: 1, max: 1 },
  details: [
    '--quote TEXT   the exact words to highlight; they must occur exactly once in the article',
    '--note TEXT    a note to attach',
    `--color NAME   ${HIGHLIGHT_COLORS.join(', ')} (default yellow)`
  ],
  run: (context) => {
    const { io, options } = context;
    if (options.quote === undefined || options.quote.trim() === '') {
      throw new UsageError('highlight needs --quote "the exact words to highlight".');
    }
    const color = choiceOption(options.color, 'color', HIGHLIGHT_COLORS);
    return withLibrary(context, ({ dispatcher }) => {
      const highlight = dispatcher.call('highlights.create', {
        articleId: context.args[0],
        exact: options.quote,
        note: options.note,
        color
      });
      if (options.json) {
        writeJson(io, highlight);
      } else {
        io.stdout.write(
          `Highlighted “${truncate(singleLine(highlight.quote.exact), 80)}” (${highlight.color}, characters ` +
            `${highlight.position.start}–${highlight.position.end}).\nid ${highlight.id}\n`
        );
      }
      return 0;
    });
  }
};
