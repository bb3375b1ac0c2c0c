/**
 * Corrections: editors' fixes to a parsed page, kept as an ordered log of edits addressed by
 * source lines and re-applied to every parse of the same lines. Pure; the store and the desk build
 * on this (issue 12).
 */
export { applyEdits, anchorLine, lineRef, reviewedWarningKeys, sourceLines, type AppliedEdits, type EditOutcome } from "./apply";
export { articleIdentity, type ArticleIdentity, type GoneArticle } from "./identity";
export { EditSchema, LineRoleSchema, type ArticleFields, type ArticleRef, type Edit, type EditOp, type LineRef, type LineRole, type LinesRef } from "./schema";
export { editsFromSnapshot } from "./legacy";
export { rebaseEdit } from "./rebase";
