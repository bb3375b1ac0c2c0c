/**
 * Departments: the bodies an article is about, normalised to canonical full names through the
 * gazetteer of the paper's profile (data/papers/<id>.json: "市市场监管局" → "聊城市市场监督管理局"). Bodies the gazetteer
 * does not list but that look like one (a place, then a name ending in 局 / 中心 / 委员会 / 法院 /
 * 检察院 / 大学) are kept as found.
 *
 * Split by job into layers, each importing only those below it: gazetteer (the data file's names)
 * and places (place grammar) at the bottom, then labels (label recognition) and bodies (body
 * finding), with rank (the departments an article is about) on top. This file is the public face:
 * it re-exports what the rest of the parser, the corrections and the tests use.
 */
export { gazetteerNames, listGazetteer, lookupDepartment, type GazetteerEntry, type NameMatch } from "./gazetteer";
export { headPlaceOf, PageHome, placeLength, startsWithPlace } from "./places";
export { isLabelLike, isLabelNamedIn, isPlainLabel } from "./labels";
export { bodyEndingMarks, collectBodies, notePlace, type FoundBodies } from "./bodies";
export { departmentsOf, resolveDepartments } from "./rank";
