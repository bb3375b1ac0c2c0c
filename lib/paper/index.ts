/**
 * The paper this installation serves, chosen by configuration (PAPER, default liaocheng): its
 * profile for the parser and the import, and what the site shows of it — the name on the masthead,
 * in titles, feeds and citations (SITE_NAME overrides it), and how many pages a regular issue has
 * (EXPECTED_PAGES overrides the profile's table). A bad profile stops with a message naming the
 * file and the field.
 *
 * Read on first use, not at import: the import library and the scripts reach this module before
 * they (or the tests) have settled the environment, and reading lib/env early would freeze it.
 */
import { createHash } from "node:crypto";
import { readEnv } from "@/lib/env-schema";
import type { PaperProfile } from "@/lib/parser/profile";
import { loadPaperProfile } from "./load";

interface Configured {
  profile: PaperProfile;
  name: string;
  expectedPages: number | undefined;
  stamp: string;
}

let configured: Configured | undefined;

function configure(): Configured {
  if (configured) return configured;
  const r = readEnv(process.env);
  if (!r.ok) throw new Error(`Invalid environment:\n${r.problems.map((p) => `  ${p}`).join("\n")}`);
  const profile = loadPaperProfile(r.env.PAPER);
  const stamp = `${profile.id}:${createHash("sha256").update(JSON.stringify(profile)).digest("hex").slice(0, 16)}`;
  configured = { profile, name: r.env.SITE_NAME ?? profile.name, expectedPages: r.env.EXPECTED_PAGES, stamp };
  return configured;
}

export const paper = Object.freeze({
  /** The profile's id ("liaocheng"). */
  get id(): string {
    return configure().profile.id;
  },
  /** The paper's name ("聊城日报"); the site is "<name>数字报". */
  get name(): string {
    return configure().name;
  },
  get profile(): PaperProfile {
    return configure().profile;
  },
  /**
   * The profile's id and a digest of its content ("liaocheng:3f…"): stored with each imported
   * page, so a page imported under another paper or an older gazetteer is parsed again.
   */
  get stamp(): string {
    return configure().stamp;
  },
  /** Pages a regular issue of `date` (YYYY-MM-DD) has, by its weekday. */
  expectedPages(date: string): number {
    const c = configure();
    if (c.expectedPages !== undefined) return c.expectedPages;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return c.profile.pages.byWeekday[String(weekday)] ?? c.profile.pages.default;
  },
});
