/**
 * The corrections an editor can make to a parsed page, as data: one `Edit` is one row of a page's
 * edit log. Every edit says what it changes by source line numbers and the text found on those
 * lines (as `splitLines` numbers and trims them), never by array positions or database ids: a
 * re-parse may number articles and blocks differently, but line 12 of the same bytes is still line
 * 12, and its text tells whether it still is. Validated with zod because edits come back from the
 * database and from the desk's requests as plain JSON.
 */
import { z } from "zod";

/** One source line: its 1-based number and its text (indent and trailing spaces removed). */
export const LineRefSchema = z.object({
  line: z.int().min(1),
  text: z.string(),
});
export type LineRef = z.infer<typeof LineRefSchema>;

/**
 * A block (or an orphan) by all its source lines, in its order: all of them, so that an edit made
 * on "the paragraph of lines 12 and 14" is stale, not silently applied to a different set of
 * lines, when a new parse joins line 12 to something else.
 */
export const LinesRefSchema = z.array(LineRefSchema).min(1);
export type LinesRef = z.infer<typeof LinesRefSchema>;

/**
 * An article by its anchor: the first of its head lines, or of its first block's lines when it
 * has no head line (an article with a typed title). See `anchorLine`.
 */
const ArticleRefSchema = LineRefSchema;

export const BylineRoleSchema = z.enum(["reporter", "correspondent", "contributor", "photographer", "writer-photographer"]);
export const CategorySlugSchema = z.enum(["public-service", "courts", "food-safety", "agriculture", "education", "economy", "other"]);

/** What a line can be made into (the desk's "this line is a …" menu). */
export const LineRoleSchema = z.enum(["paragraph", "subhead", "caption", "title", "kicker", "label", "ad", "header"]);

const nullableText = z.string().trim().min(1).nullable();

/** The article fields an editor may type; a field left out is left as it is. */
export const ArticleFieldsSchema = z
  .object({
    label: nullableText,
    kicker: nullableText,
    title: z.string().trim().min(1),
    subtitle: nullableText,
    bylines: z.array(z.object({ name: z.string().trim().min(1), role: BylineRoleSchema })),
    category: CategorySlugSchema,
    departments: z.array(z.string().trim().min(1)),
  })
  .partial()
  .refine((f) => Object.keys(f).length > 0, { message: "至少要修改一项" });
export type ArticleFields = z.infer<typeof ArticleFieldsSchema>;

export const EditSchema = z.discriminatedUnion("op", [
  /** Types an article's label, kicker, title, subtitle, bylines, category or departments. */
  z.object({ op: z.literal("set-article"), article: ArticleRefSchema, set: ArticleFieldsSchema }),
  /**
   * Makes one line a paragraph, subhead or caption (of the article it is in, or of `article`),
   * a title, kicker or label line of that article's head, an ad, or part of the page header.
   */
  z.object({ op: z.literal("set-line"), line: LineRefSchema, role: LineRoleSchema, article: ArticleRefSchema.optional() }),
  /** Undoes a join: every source line of the block becomes a block of its own. */
  z.object({ op: z.literal("split-block"), block: LinesRefSchema }),
  /** Joins `second` onto the end of `first` (both in the same article). */
  z.object({ op: z.literal("join-blocks"), first: LinesRefSchema, second: LinesRefSchema }),
  /** Moves a block to another article: before the block `before`, or else in source-line order. */
  z.object({ op: z.literal("move-block"), block: LinesRefSchema, to: ArticleRefSchema, before: LinesRefSchema.optional() }),
  /**
   * Splits an article at one of its blocks: that block and all after it become a new article,
   * titled by the block's own line(s), or by `title` (then the block stays its first block).
   */
  z.object({ op: z.literal("split-article"), at: LinesRefSchema, title: z.string().trim().min(1).optional() }),
  /** Merges article `from` into `into`: `from`'s headline becomes a subhead, its blocks follow. */
  z.object({ op: z.literal("merge-articles"), into: ArticleRefSchema, from: ArticleRefSchema }),
  /**
   * An orphan becomes blocks of article `into` (one per line, of type `as`), or with no `into` a
   * new article: titled `title`, or by the orphan's first line.
   */
  z.object({
    op: z.literal("adopt-orphan"),
    orphan: LinesRefSchema,
    into: ArticleRefSchema.optional(),
    as: z.enum(["paragraph", "subhead", "caption"]).optional(),
    title: z.string().trim().min(1).optional(),
  }),
  /** Marks a warning (code and lines) reviewed; the page is unchanged, the outcome records it. */
  z.object({ op: z.literal("review-warning"), code: z.string().min(1), lines: z.array(LineRefSchema) }),
]);
export type Edit = z.infer<typeof EditSchema>;
