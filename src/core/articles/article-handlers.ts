import type { DomainHandlers } from '../dispatch/handler-types';
import { prepareArticle, prepareArticleFile } from '../import/import-content';
import {
  createArticle,
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
  'articles.create': ({ content, format, tags, ...metadata }, { library }) =>
    createArticle(library, { ...metadata, tags, prepared: prepareArticle(content, format) }),
  'articles.importFile': ({ fileName, dataBase64 }, { library }) => {
    const prepared = prepareArticleFile(fileName, Buffer.from(dataBase64, 'base64'));
    const article = createArticle(library, { prepared, fileName });
    return { id: article.id, title: article.title, fileName };
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
