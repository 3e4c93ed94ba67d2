// One of the competing values of a group: the number, its source and edition, a link to it.
import type { Figure } from '../../../../shared/evidence';
import { routeHref } from '../../app/route';
import { formatEdition, formatQuantity, shortQuote } from './figure-format';

function sourceLines(figure: Figure): { title: string; detail: string | null } {
  const { source } = figure;
  switch (source.kind) {
    case 'citation':
      return {
        title: source.title ?? source.publisher ?? 'Cited report',
        detail: [source.edition ? formatEdition(source.edition) : null, source.page ? `p. ${source.page}` : null].filter(Boolean).join(', ') || null
      };
    case 'highlight':
      return { title: source.articleTitle || 'Article', detail: `“${shortQuote(source.quote, 80)}”` };
    case 'none':
      return { title: 'No source', detail: null };
  }
}

export function CompetingFigureCard({ figure, selected }: { figure: Figure; selected: boolean }) {
  const { title, detail } = sourceLines(figure);
  return (
    <li className={selected ? 'competing-card selected' : 'competing-card'}>
      <a href={routeHref({ view: 'figures', figureId: figure.id })} aria-label={`${formatQuantity(figure)}, ${title}${detail ? `, ${detail}` : ''}`}>
        <span className="competing-value">{formatQuantity(figure)}</span>
        <span className="competing-source">{title}</span>
        {detail && <span className="competing-edition">{detail}</span>}
        {figure.notes && <span className="competing-notes">{figure.notes}</span>}
      </a>
    </li>
  );
}
