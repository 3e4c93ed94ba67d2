import type { DomainHandlers } from '../dispatch/handler-types';
import { prepareFileInBackground, readsInBackground } from '../import/background-import';
import { prepareArticle, prepareArticleFile, type PreparedArticle } from '../import/import-content';
import {
  createArticle,
  importArticleFile,
  getArticle,
  listArticles,
  listTrash,
  restoreArticle,
  trashArticle,
  reviseArticle,
  updateArticleDocument,
  updateArticleMetadata
} from './articles';
import { listTags } from './tags';
import { placeNewArticle } from '../projects/projects';
import type { DocumentNode } from '../../shared/domain';

export const articleHandlers: DomainHandlers<
  | 'articles.list'
  | 'articles.get'
  | 'articles.create'
  | 'articles.importFile'
  | 'articles.updateMetadata'
  | 'articles.updateDocument'
  | 'articles.revise'
  | 'tags.list'
  | 'articles.delete'
  | 'articles.restore'
  | 'articles.trash'
> = {
  'articles.list': (input, { library }) => listArticles(library, input),
  'articles.get': ({ id }, { library }) => getArticle(library, id),
  'articles.create': ({ content, format, tags, projectId, ...metadata }, { library }) => {
    const article = createArticle(library, { ...metadata, tags, prepared: prepareArticle(content, format) });
    placeNewArticle(library, article.id, projectId);
    return article;
  },
  // Two phases: the file is parsed in the import worker before the transaction that adds it.
  'articles.importFile': {
    prepare: async ({ fileName, dataBase64 }) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      // Web pages, PDF and Word documents take real parsing; plain text and Markdown are read in-line.
      return readsInBackground(fileName) ? prepareFileInBackground(fileName, bytes) : prepareArticleFile(fileName, bytes);
    },
    // Synchronous callers can import text, Markdown and web pages; PDF and Word need invokeAsync.
    prepareSync: ({ fileName, dataBase64 }): PreparedArticle => prepareArticleFile(fileName, Buffer.from(dataBase64, 'base64')),
    commit: ({ fileName, projectId }, prepared: PreparedArticle, { library }) => {
      const imported = importArticleFile(library, fileName, prepared);
      placeNewArticle(library, imported.id, projectId, imported.status === 'duplicate');
      return imported;
    }
  },
  'articles.updateMetadata': ({ id, ...changes }, { library }) => updateArticleMetadata(library, id, changes),
  'articles.updateDocument': ({ id, doc }, { library }) => updateArticleDocument(library, id, doc as DocumentNode),
  'articles.revise': ({ id, content, format }, { library }) => reviseArticle(library, id, prepareArticle(content, format)),
  'tags.list': (_input, { library }) => listTags(library),
  'articles.delete': ({ id }, { library, journal }) => {
    const trashed = trashArticle(library, id);
    journal.record(`Move “${trashed.title}” to the trash`, { method: 'articles.restore', input: { id } });
    return trashed;
  },
  'articles.restore': ({ id }, { library }) => restoreArticle(library, id),
  'articles.trash': (_input, { library }) => listTrash(library)
};
