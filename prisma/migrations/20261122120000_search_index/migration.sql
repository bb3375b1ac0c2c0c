-- Full-text search index (hand-written: schema.prisma cannot describe FTS5 tables; the table and its
-- shadow tables are listed as external in lib/db/migrations.ts).
-- rowid = Article.id. Columns hold space-separated tokens computed in JS (lib/search/tokenize.ts):
--   title, head (label, kicker, subtitle), body: CJK bigrams in order + Latin words and numbers;
--   meta: departments with their aliases, people, category and page name, tokenized the same way;
--   uni: every CJK character of title, head and body, for single-character queries;
--   words: dictionary words (jieba) of three or more characters, a ranking signal.
-- Contentless (the text lives in Article) with contentless_delete so rows can be replaced.
CREATE VIRTUAL TABLE "article_fts" USING fts5(
    title, head, body, meta, uni, words,
    content = '',
    contentless_delete = 1,
    tokenize = "unicode61 remove_diacritics 0",
    detail = full
);
