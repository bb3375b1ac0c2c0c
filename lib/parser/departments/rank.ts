/**
 * Ranking: from the bodies found in an article's head and text to the departments it is about,
 * canonical and primary first — the label, else the subtitle's body, else the most prominent one,
 * with places and the city government only when prominent — after merging names that leave their
 * place implicit ("县农业农村局") into the body of the article's place. It is the top layer: it uses
 * the gazetteer, the place grammar, label recognition and body finding, and nothing below uses it.
 */
import { canonicalDepartment, countyPlaces, entryOf, isListed, PLACE_KIND } from "./gazetteer";
import { paper } from "../profile";
import { isLabelLike, isLabelNamedIn } from "./labels";
import { headPlaceOf, isBareStart, isOwnPlace, leadingPlace, mostNamedPlace, placeLength, type PageHome } from "./places";
import { collectBodies, notePlace, type Found, type FoundBodies } from "./bodies";

/** Places set the scene; so does the city government. (A place of another paper is one by its shape.) */
const isSetting = (name: string) => {
  const entry = entryOf(name);
  return paper().setting.has(name) || entry?.kind === PLACE_KIND || (entry === undefined && placeLength(name, 0) === name.length);
};

/**
 * The bodies an article is about, canonical, primary first: the label (a place label gives way to
 * that place's own body named in the text: "临清市" → "临清市农业农村局"), else the body named in
 * the subtitle, else the most prominent body in head and text. Places and the city government
 * follow only when they are prominent (named twice, or in the head).
 *
 * @param found bodies in head and text, weighted (see `collectBodies`)
 * @param inSubtitle bodies in the subtitle alone
 * @param headPlace the place the article's kicker or title opens with, if any (see `leadingPlace`)
 * @param text the article's text, to find the place it names most when nothing else says
 * @param page the whole page, to tell whose place a gazetteer alias leaves implicit (see `PageHome`)
 */
export function resolveDepartments(
  label: string | null,
  found: FoundBodies,
  inSubtitle: FoundBodies | null,
  headPlace: string | null = null,
  text = "",
  page: PageHome | null = null,
): string[] {
  mergeShortForms(found, label, headPlace, text, page);
  if (inSubtitle) mergeShortForms(inSubtitle, label, headPlace, text, page);
  let primary: string | null = null;
  const ranked = rank(found);
  if (label) {
    const entry = entryOf(label);
    if (entry || isLabelLike(label) || isLabelNamedIn(label, text)) {
      primary = entry?.name ?? label;
      if (!entry || entry.kind === PLACE_KIND) {
        // "临清市" over a story about 临清市农业农村局: the body is the more exact answer.
        const place = primary;
        const own = ranked.find((n) => n !== place && n.startsWith(place) && !isSetting(n));
        if (own) primary = own;
      }
    }
  }
  if (!primary && inSubtitle) primary = rank(inSubtitle).find((n) => !isSetting(n)) ?? null;
  if (!primary) primary = ranked.find((n) => !isSetting(n)) ?? ranked[0] ?? null;
  if (!primary) return [];
  const main = primary;
  const rest = ranked.filter((n) => n !== main && (!isSetting(n) || (found.get(n)?.score ?? 0) >= 2));
  const canonicalLabel = label ? canonicalDepartment(label) : null;
  const labelFirst =
    canonicalLabel !== null &&
    canonicalLabel !== main &&
    !rest.includes(canonicalLabel) &&
    (isListed(label ?? "") || isLabelLike(label ?? "") || isLabelNamedIn(label ?? "", text));
  // Primary first, then the label's body, then the rest: built in order rather than unshifted.
  const out = [main];
  if (labelFirst) out.push(canonicalLabel);
  for (let k = 0; k < rest.length && out.length < 10; k++) out.push(rest[k] as string);
  return out;
}

/**
 * The departments of an article from its parts, scanning each (for callers without a shared scan).
 */
export function departmentsOf(parts: { label: string | null; kicker: string | null; title: string; subtitle: string | null; text: string }): string[] {
  const found: FoundBodies = new Map();
  if (parts.kicker) collectBodies(parts.kicker, 3, found, -3000);
  collectBodies(parts.title, 5, found, -2000);
  let inSubtitle: FoundBodies | null = null;
  if (parts.subtitle) {
    inSubtitle = new Map();
    collectBodies(parts.subtitle, 1, inSubtitle, -1000);
    for (const [n, f] of inSubtitle) found.set(n, { score: (found.get(n)?.score ?? 0) + 3 * f.score, first: Math.min(found.get(n)?.first ?? 0, f.first) });
  }
  collectBodies(parts.text, 1, found, 0);
  const place = headPlaceOf(parts.kicker, parts.title);
  notePlace(found, place, 5, -2000);
  return resolveDepartments(parts.label, found, inSubtitle, place, parts.text);
}

/**
 * "县农业农村局" in a story about 高唐县 is 高唐县农业农村局: a body named with a bare "县/区/市"
 * prefix (its place left implicit) is merged into the same body named in full, in this order:
 * - a body found in the article whose name ends the same way ("德州市住房和城乡建设局" beside
 *   "市住房和城乡建设局"): the article itself says which place it means;
 * - the body of the article's place: the place its label names, or that its head opens with
 *   ("巨野县“一村一品”…"), or else the listed place it names most (if that body's full name is
 *   listed or was found too). A gazetteer alias is only moved to another paper's place;
 * - for a gazetteer alias ("市人社局"), its canonical name — on this paper's page (`page` names one of
 *   its places); on another paper's page the body of the place that page names most, else the alias
 *   stays as printed.
 */
function mergeShortForms(found: FoundBodies, label: string | null, headPlace: string | null, text: string, page: PageHome | null): void {
  let any = false;
  for (const name of found.keys()) {
    if (isBareStart(name)) {
      any = true;
      break;
    }
  }
  if (!any) return;
  let place: string | null = null;
  if (label) place = countyPlaces().find((p) => label.startsWith(p) || entryOf(label)?.name.startsWith(p)) ?? null;
  // The label or head states the place outright; a place only inferred from mentions must be confirmed.
  if (!place) place = leadingPlace(label) ?? headPlace;
  const sure = place !== null;
  if (!place) {
    let best = 0;
    for (const [name, f] of found) if (entryOf(name)?.kind === PLACE_KIND && f.score > best) [place, best] = [name, f.score];
    // Or the county of the body the article is most about ("梧溪县人民检察院…联合县公安局"): its
    // bare "县…" is that county's, when the gazetteer lists the full name (see `sure` below).
    if (!place) {
      for (const [name, f] of found) {
        const county = countyPlaces().find((p) => name.length > p.length && name.startsWith(p));
        if (county && f.score > best) [place, best] = [county, f.score];
      }
    }
  }
  const foreign = place !== null && !isOwnPlace(place);
  // Failing all that, another paper's place the text names again and again ("蒙阴县…", "蒙阴县…")
  // is the article's own — for bodies the gazetteer does not know; an alias keeps its canonical name.
  let inferred: string | null | undefined;
  // The names to merge and their counts, taken before the map changes under the loop (only these:
  // a copy of every entry would be thrown away for the rest).
  const bareNames: string[] = [];
  const bareCounts: Found[] = [];
  for (const [name, f] of found) {
    if (name.length < 3 || !isBareStart(name)) continue;
    bareNames.push(name);
    bareCounts.push(f);
  }
  for (let b = 0; b < bareNames.length; b++) {
    const name = bareNames[b] as string;
    const f = bareCounts[b] as Found;
    const entry = entryOf(name);
    if (entry && entry.name === name) continue; // a canonical name that starts so ("市…" is none today)
    const tail = name.slice(1);
    let target: string | null = null;
    for (const other of found.keys()) {
      if (other.length > name.length && !isBareStart(other) && other.endsWith(tail) && other.charCodeAt(other.length - name.length) === name.charCodeAt(0)) {
        target = other;
        break;
      }
    }
    if (!target && place && place.charCodeAt(place.length - 1) === name.charCodeAt(0) && (!entry || foreign)) {
      const full = place + tail;
      target = entryOf(full)?.name ?? (found.has(full) || sure ? full : null);
    }
    if (!target && !place && !entry && text) {
      if (inferred === undefined) inferred = mostNamedPlace(text);
      if (inferred && inferred.charCodeAt(inferred.length - 1) === name.charCodeAt(0)) target = inferred + tail;
    }
    // A gazetteer alias with nothing in the article to place it is this paper's body only on this
    // paper's page; on another paper's it is the body of the place that page names most, or else
    // stays as printed ("市统计局" on a page that names no city at all).
    if (!target && entry) target = page === null || page.namesOwnPlace() ? entry.name : page.placeEndingIn(name.charCodeAt(0)) + tail;
    if (!target || target === name || target === tail) continue;
    const g = found.get(target);
    found.set(target, { score: (g?.score ?? 0) + f.score, first: Math.min(g?.first ?? f.first, f.first) });
    found.delete(name);
  }
}

/**
 * Names by prominence, ties by first appearance (then in the order found). An article names a
 * handful of bodies, so an insertion sort over the map's own order does, without copying entries.
 */
function rank(found: Map<string, Found>): string[] {
  const names: string[] = [];
  const ranks: Found[] = [];
  for (const [name, f] of found) {
    let at = names.length;
    while (at > 0) {
      const g = ranks[at - 1] as Found;
      if (g.score > f.score || (g.score === f.score && g.first <= f.first)) break;
      at--;
    }
    // Insert at `at`: shift the weaker ones down by hand (cheaper than two splices per name).
    names.push(name);
    ranks.push(f);
    for (let k = names.length - 1; k > at; k--) {
      names[k] = names[k - 1] as string;
      ranks[k] = ranks[k - 1] as Found;
    }
    names[at] = name;
    ranks[at] = f;
  }
  return names;
}
