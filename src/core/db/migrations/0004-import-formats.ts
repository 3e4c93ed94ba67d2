// Imported PDF and Word files (issue 7). articles.format keeps its CHECK of the three content
// formats (changing a CHECK means rebuilding the table, which a migration inside a transaction with
// foreign keys on cannot do safely): a converted file is stored as the HTML it was converted to
// (format 'html', source_html), and its own kind is recorded here.
export default `
-- 'pdf' or 'docx' for files converted on import; NULL when format itself says what was imported.
ALTER TABLE articles ADD COLUMN file_format TEXT;

-- PDF articles: JSON [{"start": offset, "page": n}, …], where each page begins in body_text
-- (offsets as in highlight positions), in text order. Kept in step when the text is edited.
ALTER TABLE articles ADD COLUMN page_map_json TEXT;
`;
