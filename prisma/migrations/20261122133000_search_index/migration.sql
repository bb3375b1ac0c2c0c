-- Full-text search index, second shape (hand-written: schema.prisma cannot describe FTS5 tables;
-- the table and its shadow tables are listed as external in lib/db/migrations.ts). Replaces the
-- table of 20261122120000_search_index so title, label, kicker and subtitle are weighted apart.
-- The rows are derived data: after this migration, `npm run search:reindex` rebuilds them.
--
-- rowid = Article.id. Every column holds space-separated tokens computed in JS
-- (lib/search/tokenize.ts, lib/search/indexer.ts), read by the unicode61 tokenizer:
--   title, label, kicker, subtitle, body: per CJK run its bigrams in text order then its last
--     character (a one-character run: itself), so single characters are prefix queries; lower-case
--     words and numbers; a private-use token between the body's paragraphs; then, after one more,
--     the field's two-character dictionary words (jieba; of the body only the lead paragraph), so
--     a two-character query counts real words of the head and lead twice (a ranking signal);
--   meta: departments with all their aliases, people, category and page name, tokenized the same
--     way, one private-use token between values.
-- Contentless (the text lives in Article) with contentless_delete so rows can be replaced; the
-- published flag is not indexed (queries filter on Article.published).
DROP TABLE IF EXISTS "article_fts";

CREATE VIRTUAL TABLE "article_fts" USING fts5(
    title, label, kicker, subtitle, body, meta,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0",
    detail = full
);
