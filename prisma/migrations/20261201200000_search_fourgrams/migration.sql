-- Full-text search index, fourth shape (hand-written: schema.prisma cannot describe FTS5 tables;
-- the table and its shadow tables are listed as external in lib/db/migrations.ts). Adds four-gram
-- columns beside the bigram and trigram ones of 20261122170000_search_trigrams.
--
-- rowid = Article.id. Every column holds space-separated tokens computed in JS
-- (lib/search/tokenize.ts, lib/search/indexer.ts), already folded there, so the table's tokenizer
-- only has to split them at the spaces: "ascii" does (every non-ASCII character is a token
-- character, ASCII letters and digits too), without unicode61's classifying of every character;
-- builds about 10% faster, same tokens (and a folded form such as "1⁄2" from ½ stays one token
-- where unicode61 would split it):
--   title, label, kicker, subtitle, body: per CJK run its bigrams in text order then its last
--     character (a one-character run: itself), so single characters are prefix queries; lower-case
--     words and numbers; a private-use token between the body's paragraphs; then, after one more,
--     the field's two-character dictionary words (jieba; of the body only the lead paragraph);
--   meta: departments with all their aliases, people, category and page name, tokenized the same
--     way, one private-use token between values;
--   title3, head3 (label, kicker, subtitle), body3, meta3: the overlapping trigrams of every CJK run
--     of three or more characters, a private-use token between runs;
--   title4, head4, body4, meta4: the overlapping four-grams of every CJK run of four or more
--     characters, likewise. A query word of three Chinese characters is its trigram, one of four or
--     more the phrase of its four-grams: the same matches as its bigrams, from far shorter
--     doclists, and a four-character word one token where trigrams make a phrase of two.
-- Contentless (the text lives in Article) with contentless_delete so rows can be replaced; the
-- published flag is not indexed (queries filter on Article.published).
--
-- The rows are derived data: `npm run db:migrate` (and so `npm start` and `npm test`) rebuilds
-- them after this migration empties the table (lib/search/indexer.ts, ensureSearchIndex).
DROP TABLE IF EXISTS "article_fts";

CREATE VIRTUAL TABLE "article_fts" USING fts5(
    title, label, kicker, subtitle, body, meta,
    title3, head3, body3, meta3,
    title4, head4, body4, meta4,
    content = '',
    contentless_delete = 1,
    tokenize = "ascii",
    detail = full
);

-- Pending index data is written out as a new segment every 64 MB instead of every 1 MB: a rebuild
-- (npm run search:reindex, one transaction) then makes a few large segments rather than hundreds
-- that are merged and merged again; imports of one issue never reach either size.
INSERT INTO "article_fts" ("article_fts", "rank") VALUES ('hashsize', 67108864);
