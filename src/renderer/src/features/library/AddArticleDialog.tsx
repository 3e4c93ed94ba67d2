import { useEffect, useRef, useState, type ClipboardEvent, type FormEvent } from 'react';
import type { ContentFormat } from '../../../../shared/domain';
import { errorMessage } from '../../api/client';
import { useClient } from '../../app/client-context';
import { useNotices } from '../../app/notices';
import { ProjectSelect } from '../projects/ProjectSelect';
import { defaultProject, useProjects } from '../projects/use-projects';
import { ACCEPTED_FILE_TYPES, selectionFromFileList, type BatchSelection } from './file-import';
import { ImportBatchDialog } from './ImportBatchDialog';
import { emptyMetadata, MetadataFields, type MetadataDraft } from './MetadataFields';

type FormatChoice = 'auto' | ContentFormat;

// Chromium's folder picker; React does not know the attribute.
const FOLDER_PICKER = { webkitdirectory: '' } as Record<string, string>;

/** Guesses the format of pasted content; the analyst can override it. */
export function detectFormat(content: string): ContentFormat {
  if (/<(p|div|h[1-6]|article|section|html|body|br|ul|ol|table|span)\b[^>]*>/i.test(content)) return 'html';
  if (/^\s{0,3}(#{1,6}\s|[-*+]\s|\d+\.\s|>\s)/m.test(content) || /\*\*[^*]+\*\*|\[[^\]]+\]\([^)]+\)/.test(content)) return 'markdown';
  return 'text';
}

export function AddArticleDialog({
  onClose,
  onAdded,
  initialProjectId = null
}: {
  onClose: () => void;
  onAdded: (articleId: string | null) => void;
  /** The project to preselect (the library's project filter); default: the default project. */
  initialProjectId?: string | null;
}) {
  const client = useClient();
  const { projects } = useProjects();
  const [chosenProjectId, setChosenProjectId] = useState<string | null>(initialProjectId);
  const projectId = chosenProjectId ?? defaultProject(projects)?.id ?? '';
  const notices = useNotices();
  const [content, setContent] = useState('');
  const [format, setFormat] = useState<FormatChoice>('auto');
  const [metadata, setMetadata] = useState<MetadataDraft>(emptyMetadata);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [batch, setBatch] = useState<BatchSelection | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const element = dialog.current;
    if (element && !element.open) element.showModal();
  }, [batch]);

  const onPaste = (event: ClipboardEvent<HTMLTextAreaElement>) => {
    // Pasting from a browser carries the page's HTML; keeping it keeps headings and lists.
    const html = event.clipboardData.getData('text/html');
    if (html && content.trim() === '') {
      event.preventDefault();
      setContent(html);
      setFormat('html');
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setBusy(true);
    try {
      const article = await client.call('articles.create', {
        content,
        format: format === 'auto' ? detectFormat(content) : format,
        title: metadata.title.trim() || undefined,
        author: metadata.author,
        publisher: metadata.publisher,
        url: metadata.url,
        publishedAt: metadata.publishedAt,
        projectId: projectId || null,
        tags: metadata.tags
          .split(',')
          .map((name) => name.trim())
          .filter(Boolean)
      });
      notices.show({ kind: 'info', message: `Added “${article.title}”.` });
      onAdded(article.id);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const onFiles = (files: FileList | null) => {
    if (!files || files.length === 0) return;
    const selection = selectionFromFileList(files);
    if (selection.files.length === 0) {
      setProblem(`The folder has no files Assay can import (${ACCEPTED_FILE_TYPES.replaceAll(',', ', ')}).`);
      return;
    }
    // The batch (progress, then a summary) takes the dialog's place.
    setBatch(selection);
  };

  if (batch) return <ImportBatchDialog selection={batch} projectId={projectId || null} onDone={onAdded} />;

  return (
    <dialog ref={dialog} className="dialog add-article" aria-label="Add article" onClose={onClose}>
      <form onSubmit={submit}>
        <h2>Add article</h2>
        {projects.length > 1 && (
          <label className="inline project-choice">
            Add to project
            <ProjectSelect projects={projects} value={projectId} onChange={setChosenProjectId} label="Project" />
          </label>
        )}
        <div className="file-pick">
          <label className="button">
            Open files…
            <input
              type="file"
              multiple
              accept={ACCEPTED_FILE_TYPES}
              aria-label="Open files to import"
              onChange={(event) => onFiles(event.target.files)}
            />
          </label>
          <label className="button">
            Open folder…
            <input type="file" {...FOLDER_PICKER} aria-label="Open a folder to import" onChange={(event) => onFiles(event.target.files)} />
          </label>
          <span className="hint">Web pages (.html), PDF, Word (.docx), Markdown and text; you can also drop files and folders on the library.</span>
        </div>
        <p className="divider">or paste the text or HTML</p>
        <textarea
          aria-label="Article text or HTML"
          value={content}
          onChange={(event) => setContent(event.target.value)}
          onPaste={onPaste}
          rows={10}
          placeholder="Paste the article here…"
        />
        <label className="inline">
          Format
          <select value={format} onChange={(event) => setFormat(event.target.value as FormatChoice)} aria-label="Format">
            <option value="auto">Detect ({content ? detectFormat(content) : '—'})</option>
            <option value="text">Plain text</option>
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
          </select>
        </label>
        <MetadataFields value={metadata} onChange={setMetadata} titleOptional />
        {problem && (
          <p className="form-problem" role="alert">
            {problem}
          </p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={busy || content.trim() === ''}>
            Add
          </button>
        </div>
      </form>
    </dialog>
  );
}
