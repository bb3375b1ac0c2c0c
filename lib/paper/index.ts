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
import { readEnv } from "@/lib/env-schema";
import type { PaperProfile } from "@/lib/parser/profile";
import { loadPaperProfile } from "./load";

interface Configured {
  profile: PaperProfile;
  name: string;
  expectedPages: number | undefined;
}

let configured: Configured | undefined;

function configure(): Configured {
  if (configured) return configured;
  const r = readEnv(process.env);
  if (!r.ok) throw new Error(`Invalid environment:\n${r.problems.map((p) => `  ${p}`).join("\n")}`);
  const profile = loadPaperProfile(r.env.PAPER);
  configured = { profile, name: r.env.SITE_NAME ?? profile.name, expectedPages: r.env.EXPECTED_PAGES };
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
  /** Pages a regular issue of `date` (YYYY-MM-DD) has, by its weekday. */
  expectedPages(date: string): number {
    const c = configure();
    if (c.expectedPages !== undefined) return c.expectedPages;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return c.profile.pages.byWeekday[String(weekday)] ?? c.profile.pages.default;
  },
});
