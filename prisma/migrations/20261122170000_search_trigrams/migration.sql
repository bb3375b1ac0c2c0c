-- Full-text search index, third shape (hand-written: schema.prisma cannot describe FTS5 tables;
-- the table and its shadow tables are listed as external in lib/db/migrations.ts). Adds trigram
-- columns beside the bigram ones of 20261122133000_search_index.
--
-- rowid = Article.id. Every column holds space-separated tokens computed in JS
-- (lib/search/tokenize.ts, lib/search/indexer.ts), read by the unicode61 tokenizer:
--   title, label, kicker, subtitle, body: per CJK run its bigrams in text order then its last
--     character (a one-character run: itself), so single characters are prefix queries; lower-case
--     words and numbers; a private-use token between the body's paragraphs; then, after one more,
--     the field's two-character dictionary words (jieba; of the body only the lead paragraph);
--   meta: departments with all their aliases, people, category and page name, tokenized the same
--     way, one private-use token between values;
--   title3, head3 (label, kicker, subtitle), body3, meta3: the overlapping trigrams of every CJK run
--     of three or more characters, a private-use token between runs. A query word of three or more
--     Chinese characters is looked up as a phrase of these: the same matches as its bigrams, from
--     far shorter doclists.
-- Contentless (the text lives in Article) with contentless_delete so rows can be replaced; the
-- published flag is not indexed (queries filter on Article.published).
--
-- The rows are derived data: `npm run db:migrate` (and so `npm start` and `npm test`) rebuilds
-- them after this migration empties the table (lib/search/indexer.ts, ensureSearchIndex).
DROP TABLE IF EXISTS "article_fts";

CREATE VIRTUAL TABLE "article_fts" USING fts5(
    title, label, kicker, subtitle, body, meta,
    title3, head3, body3, meta3,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0",
    detail = full
);
