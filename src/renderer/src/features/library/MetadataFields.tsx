// The citation fields of an article, shared by the add dialog and the reader's details form.
import type { ArticleMetadata } from '../../../../shared/domain';

export interface MetadataDraft {
  title: string;
  author: string;
  publisher: string;
  url: string;
  publishedAt: string;
  /** Comma-separated. */
  tags: string;
}

export const emptyMetadata: MetadataDraft = { title: '', author: '', publisher: '', url: '', publishedAt: '', tags: '' };

export function draftFrom(metadata: ArticleMetadata & { tags: string[] }): MetadataDraft {
  return {
    title: metadata.title,
    author: metadata.author ?? '',
    publisher: metadata.publisher ?? '',
    url: metadata.url ?? '',
    publishedAt: metadata.publishedAt ?? '',
    tags: metadata.tags.join(', ')
  };
}

export function MetadataFields({
  value,
  onChange,
  titleOptional = false
}: {
  value: MetadataDraft;
  onChange: (next: MetadataDraft) => void;
  titleOptional?: boolean;
}) {
  const field = (key: keyof MetadataDraft, label: string, props: Record<string, unknown> = {}) => (
    <label className="field">
      <span>{label}</span>
      <input value={value[key]} onChange={(event) => onChange({ ...value, [key]: event.target.value })} {...props} />
    </label>
  );
  return (
    <fieldset className="metadata-fields">
      {field('title', titleOptional ? 'Title (read from the content if empty)' : 'Title', { required: !titleOptional })}
      {field('author', 'Author')}
      {field('publisher', 'Publisher')}
      {field('url', 'URL', { type: 'url', placeholder: 'https://…' })}
      {field('publishedAt', 'Published', { placeholder: 'YYYY-MM-DD', pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?' })}
      {field('tags', 'Tags (comma-separated)')}
    </fieldset>
  );
}
