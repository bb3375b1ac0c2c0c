/**
 * Every desk page, route handler and server action refuses an anonymous request (redirect to
 * sign-in) and a signed-in request without the role (403), found by enumerating app/editor and
 * the build's server-action manifest, so a new one cannot be forgotten. And the sign-in throttle
 * engages.
 */
import fs from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { requirementFor, type Requirement } from "../../lib/auth/routes";
import { accounts, signIn } from "./support/desk";

const APP = path.join(process.cwd(), "app");
const DIST = process.env.E2E_DIST_DIR || ".next-e2e";
const PARAMS: Record<string, string> = { date: "2026-04-08", page: "1", id: "20260408-01-01" };

/** URL path of a file under app/ (route groups dropped, params filled in). */
function urlOf(file: string): string {
  const segments = path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !/^\(.*\)$/.test(s))
    .map((s) => (s.startsWith("[") ? (PARAMS[s.slice(1, -1)] ?? `{${s.slice(1, -1)}}`) : s));
  return `/${segments.join("/")}`;
}

function filesUnder(dir: string, name: RegExp): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(full, name));
    else if (name.test(e.name)) out.push(full);
  }
  return out.sort();
}

const pages = filesUnder(path.join(APP, "editor"), /^page\.tsx?$/).map((f) => ({ file: path.relative(process.cwd(), f), url: urlOf(f) }));
const routes = filesUnder(path.join(APP, "editor"), /^route\.tsx?$/).map((f) => path.relative(process.cwd(), f));

/** Each desk route handler: how to call it, and what the role check must do. */
const ROUTE_CHECKS: Record<string, { method: "GET" | "POST"; url: (token: string) => string; role: Requirement }> = {
  [path.normalize("app/editor/api/import/route.ts")]: { method: "POST", url: () => "/editor/api/import", role: "editor" },
  [path.normalize("app/editor/api/pages/[date]/[page]/edits/route.ts")]: { method: "POST", url: () => "/editor/api/pages/2026-04-08/1/edits", role: "editor" },
  [path.normalize("app/editor/api/pages/[date]/[page]/lease/route.ts")]: { method: "POST", url: () => "/editor/api/pages/2026-04-08/1/lease", role: "editor" },
  [path.normalize("app/editor/preview/[token]/route.tsx")]: { method: "GET", url: (t) => `/editor/preview/${t}`, role: "editor" },
  [path.normalize("app/editor/preview/[token]/[page]/route.tsx")]: { method: "GET", url: (t) => `/editor/preview/${t}/1`, role: "editor" },
  [path.normalize("app/editor/preview/[token]/articles/[id]/route.tsx")]: { method: "GET", url: (t) => `/editor/preview/${t}/articles/20260408-01-01`, role: "editor" },
};

/** Each server action of the desk and the role it needs ("public": the sign-in form itself). */
const ACTION_ROLES: Record<string, Requirement> = {
  signInAction: "public",
  signOutAction: "editor",
  reviewWarningAction: "editor",
  changeOwnPasswordAction: "editor",
  publishNowAction: "chief",
  scheduleAction: "chief",
  unpublishAction: "chief",
  createAccountAction: "chief",
  resetPasswordAction: "chief",
  changeRoleAction: "chief",
};

interface Action {
  id: string;
  name: string;
  file: string;
  /** A desk page whose form posts this action. */
  pageUrl: string;
}

function deskActions(): Action[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(DIST, "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string; workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node)
    .filter(([, v]) => v.filename.startsWith("app/editor/"))
    .map(([id, v]) => {
      const worker = Object.keys(v.workers).find((w) => w.startsWith("app/editor/") && w.endsWith("/page"))!;
      return { id, name: v.exportedName, file: v.filename, pageUrl: urlOf(path.join(process.cwd(), `${worker}.tsx`)) };
    });
}

/** Calls a server action the way React does (Next-Action header), with no arguments: the access check comes before any argument is read. */
function callAction(request: APIRequestContext, action: Action, origin: string) {
  return request.post(action.pageUrl, {
    headers: { "next-action": action.id, origin, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: "[]",
    maxRedirects: 0,
  });
}

async function signedIn(page: Page, who: "chief" | "editor") {
  await signIn(page, accounts()[who]);
  return page.request;
}

test.describe("desk access", () => {
  test("should know every desk route handler and action", () => {
    expect(routes).toEqual(Object.keys(ROUTE_CHECKS).sort());
    expect(deskActions().map((a) => a.name).sort()).toEqual(Object.keys(ACTION_ROLES).sort());
    expect(pages.length).toBeGreaterThanOrEqual(7);
  });

  test("should redirect anonymous requests for every desk page to sign-in", async ({ request }) => {
    for (const p of pages) {
      const res = await request.get(p.url, { maxRedirects: 0 });
      if (requirementFor(p.url) === "public") {
        expect(res.status(), p.file).toBe(200);
        continue;
      }
      expect(res.status(), p.file).toBe(307);
      expect(res.headers()["location"], p.file).toContain(`/editor/sign-in?next=${encodeURIComponent(p.url)}`);
    }
  });

  test("should answer 403 to an editor on a chief's page and serve the rest", async ({ page }) => {
    const request = await signedIn(page, "editor");
    for (const p of pages) {
      const res = await request.get(p.url, { maxRedirects: 0 });
      const need = requirementFor(p.url);
      if (need === "chief") expect(res.status(), p.file).toBe(403);
      else if (p.url !== "/editor/sign-in") expect(res.status(), p.file).toBe(200);
    }
  });

  test("should refuse every route handler to anonymous and cross-origin requests", async ({ page, request, baseURL }) => {
    const chief = await signedIn(page, "chief");
    await page.goto("/editor/issues/2026-04-08");
    const token = (await page.getByRole("link", { name: /预览整期/ }).getAttribute("href"))!.split("/").pop()!;
    for (const [file, check] of Object.entries(ROUTE_CHECKS)) {
      const url = check.url(token);
      const opts = { maxRedirects: 0, headers: { origin: baseURL! } };
      const anonymous = check.method === "GET" ? await request.get(url, opts) : await request.post(url, opts);
      if (check.method === "GET") {
        // A document: to the sign-in page.
        expect(anonymous.status(), `${file} anonymous`).toBe(307);
        expect(anonymous.headers()["location"], file).toContain("/editor/sign-in");
      } else {
        // A JSON route the desk's scripts call: 401, so a script never takes the sign-in page for success.
        expect(anonymous.status(), `${file} anonymous`).toBe(401);
        expect((await anonymous.json()).error, file).toMatch(/登录已失效/);
      }
      // Signed in: served (the positive control), and a state change from another origin is refused.
      const served = check.method === "GET" ? await chief.get(url, opts) : await chief.post(url, { ...opts, multipart: { mode: "plan" } });
      expect(served.status(), `${file} signed in`).toBe(check.method === "GET" ? 200 : 400);
      if (check.method === "GET") expect(served.headers()["cache-control"], file).toBe("private, no-store");
      if (check.method === "POST") {
        const foreign = await chief.post(url, { maxRedirects: 0, headers: { origin: "https://evil.example" }, multipart: { mode: "plan" } });
        expect(foreign.status(), `${file} cross-origin`).toBe(403);
        const none = await chief.post(url, { maxRedirects: 0, multipart: { mode: "plan" } });
        expect(none.status(), `${file} without Origin`).toBe(403);
      }
    }
    // A made-up token shows nothing, even to a signed-in editor.
    expect((await chief.get(`/editor/preview/${"A".repeat(22)}`, { maxRedirects: 0 })).status()).toBe(404);
  });

  test("should refuse every server action to anonymous callers and to a wrong role", async ({ page, request, baseURL }) => {
    const actions = deskActions();
    for (const a of actions) {
      if (ACTION_ROLES[a.name] === "public") continue;
      const res = await callAction(request, a, baseURL!);
      expect(res.headers()["x-action-redirect"] ?? "", `${a.name} anonymous`).toContain("/editor/sign-in");
    }
    const editor = await signedIn(page, "editor");
    // Signing out ends the session the other calls need: it goes last.
    for (const a of actions.filter((x) => x.name !== "signOutAction")) {
      const res = await callAction(editor, a, baseURL!);
      if (ACTION_ROLES[a.name] === "chief") {
        expect(res.status(), `${a.name} as an editor`).toBe(403);
      } else {
        // Allowed: past the access check, the missing arguments fail (the positive control).
        expect(res.status(), `${a.name} as an editor`).not.toBe(403);
        expect(res.headers()["x-action-redirect"] ?? "", a.name).not.toContain("/editor/sign-in");
      }
    }
    const signOut = actions.find((a) => a.name === "signOutAction")!;
    expect((await callAction(editor, signOut, baseURL!)).headers()["x-action-redirect"]).toContain("/editor/sign-in");
    expect((await editor.get("/editor", { maxRedirects: 0 })).status()).toBe(307);
    // The published sample issue is still published: nothing above changed it.
    expect((await request.get("/issues/2026-04-08")).status()).toBe(200);
  });

  test("should throttle sign-in after a few failures and say how long to wait", async ({ page }) => {
    // Its own address, so the waits it causes touch no other test.
    await page.setExtraHTTPHeaders({ "x-forwarded-for": `198.51.100.${Math.floor(Math.random() * 200) + 1}` });
    const email = `nobody-${Date.now()}@e2e.test`;
    await page.goto("/editor/sign-in");
    const form = page.getByTestId("sign-in-form");
    await expect(form).toHaveAttribute("data-ready", "1");
    for (let i = 1; i <= 5; i++) {
      await page.getByLabel("邮箱").fill(email);
      await page.getByLabel("密码").fill(`wrong-${i}`);
      await page.getByRole("button", { name: "登录" }).click();
      await expect(form).toHaveAttribute("aria-busy", "false");
      const alert = page.getByRole("alert").filter({ hasText: "邮箱或密码不正确" });
      await expect(alert).toBeVisible();
      if (i < 5) await expect(alert).not.toContainText("尝试次数过多");
    }
    await expect(page.getByRole("alert").filter({ hasText: "尝试次数过多" })).toContainText(/请 30 秒后再试/);
    await page.screenshot({ path: test.info().outputPath("throttled.png") });
  });
});
