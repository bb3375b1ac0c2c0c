/**
 * Corrections: editors' fixes to a parsed page, kept as an ordered log of edits addressed by
 * source lines and re-applied to every parse of the same lines. Pure; the store and the desk build
 * on this (issue 12).
 */
export { applyEdits, anchorLine, lineRef, sourceLines, type EditOutcome } from "./apply";
export { articleIdentity, type ArticleIdentity } from "./identity";
export { EditSchema, type Edit } from "./schema";
export { rebaseEdit } from "./rebase";
