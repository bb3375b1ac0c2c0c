/**
 * Label recognition: whether a short head line names a place or body the way a label above a
 * headline does ("临清市", "东昌府区人民法院"), by its shape, by the gazetteer, or because the article's
 * opening text repeats it. The segmenter and the assembler ask this while they cut a page into
 * articles, long before any body is counted, so it stands apart from body finding and ranking and
 * depends only on the gazetteer and the place grammar.
 */
import { isListed } from "./gazetteer";
import { placeLength, startsWithPlace } from "./places";
import { hasLabelForm, ORG_PREFIX } from "../rules";

/**
 * Whether a short line names a place or body, as a label above a headline does: "临清市",
 * "东昌府区人民法院", "聊城税务系统", "齐河县人民法院". Gazetteer names qualify; other lines must
 * look like a name (ideographs only, ending like a place or body) and be short or start with a
 * place (a listed one, or any by its shape).
 */
export function isLabelLike(text: string): boolean {
  if (isListed(text)) return true;
  if (text.length > 14 || !hasLabelForm(text)) return false;
  return text.length <= 6 || namesPlaceFirst(text);
}

/**
 * Whether a head line is a label by what the article says, where its shape alone does not tell (a
 * place the shape rules cannot vouch for: "枣林区" reads like "林区", a forest): a name of ideographs
 * with a place or body ending that the article's opening text repeats word for word ("枣林区行政审批
 * 服务局" over "…枣林区行政审批服务局推出…"). An article names its label's body or place; a title or
 * kicker it does not repeat so. `opening` is that text, or the article's lines with the first at `from`.
 */
export function isLabelNamedIn(text: string, opening: string | readonly OpeningLine[], from = 0): boolean {
  if (text.length < 3 || text.length > 14 || !hasLabelForm(text)) return false;
  if (typeof opening === "string") return opening.includes(text);
  // The lines themselves, one by one (a name is never split across paragraphs): no joined copy.
  let taken = 0;
  for (let k = from; k < opening.length && taken < OPENING_PARAGRAPHS; k++) {
    const t = opening[k] as OpeningLine;
    if (t.kind !== "text" && t.kind !== "dateline") continue;
    if (t.text.includes(text)) return true;
    taken++;
  }
  return false;
}

/** A line of an article's text as the segmenter holds it (a token: its kind and text). */
interface OpeningLine {
  kind: string;
  text: string;
}
/** Paragraphs of an article's opening text in which its label is looked for. */
const OPENING_PARAGRAPHS = 3;

/**
 * Whether a name opens with a place: a listed one, one by its shape, or one after a national
 * body's prefix ("国网宁阳县供电公司").
 */
function namesPlaceFirst(text: string): boolean {
  if (startsWithPlace(text) || placeLength(text, 0) > 0) return true;
  const org = ORG_PREFIX.exec(text);
  return org !== null && placeLength(text, org[0].length) > 0;
}

/**
 * Whether a line names a place or body so plainly that it can only be a label, never a subhead:
 * a gazetteer name, or a name that opens with a place ("肥城市", "齐河县人民法院"). An article
 * that has neither dateline nor byline is still found by such a label over its title.
 */
export function isPlainLabel(text: string): boolean {
  if (isListed(text)) return true;
  return text.length <= 14 && hasLabelForm(text) && namesPlaceFirst(text);
}
