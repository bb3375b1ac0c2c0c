import { createElement } from "react";
import { renderPage, serveDocument } from "@/components/document";
import { IssueDatePickerMain } from "@/components/issue-search-form";
import { findNearestIssue } from "@/lib/db/issues";
import { nearestIssueHref } from "@/lib/site/issue-dates";
import { isoDate, pageNumber } from "@/lib/validations/params";

/**
 * The target of the date picker and the page selector (plain GET forms, so they work without
 * JavaScript): `?date=YYYY-MM-DD` goes to that day's issue, `&page=N` to one of its pages (whether
 * the page exists is the destination's business). A day without a paper goes to the nearest
 * issue either side (ties: the earlier; before the first or after the last issue: that one), whose
 * page then says so (`?asked=`): the picker never lands on a 404. Without a query this is the
 * picker's own page; a date it cannot read answers that page with 400, saying what is wrong.
 */
export async function GET(request: Request) {
  const q = new URL(request.url).searchParams;
  if ([...q.keys()].length === 0) return pickerPage(request, null);
  const raw = q.get("date")?.trim() ?? "";
  const date = isoDate.safeParse(raw);
  if (!date.success) {
    return pickerPage(request, raw === "" ? "请选择日期。" : `“${raw.slice(0, 40)}”不是有效的日期:请按“年-月-日”填写,例如 2026-04-08。`);
  }
  const page = q.get("page") ? pageNumber.safeParse(q.get("page")) : null;
  if (page && !page.success) return pickerPage(request, "版次无效:应为 1–999 的整数。");
  let nearest;
  try {
    nearest = await findNearestIssue(date.data);
  } catch (err) {
    // The site's error page (logged, 500), as any reader page answers a failure.
    return serveDocument(request, () => Promise.reject(err));
  }
  // Nothing published at all: the site's 404 page says so.
  if (!nearest) return serveDocument(request, async () => null);
  const path = nearest.kind === "exact" && page ? `/issues/${nearest.date}/${page.data}` : nearestIssueHref(date.data, nearest);
  // A relative Location: the browser resolves it against the address it used. An absolute one
  // built from req.url can name another host than the reader typed (Next's own view of the
  // origin), which the page's form-action 'self' policy then refuses to follow.
  return new Response(null, { status: 303, headers: { location: path } });
}

/** The picker's page: 200 as an empty form, 400 with the reason a date was refused. */
function pickerPage(request: Request, error: string | null): Promise<Response> {
  return serveDocument(request, () =>
    renderPage({ title: "按日期查看", robots: "noindex" }, createElement(IssueDatePickerMain, { error }), error ? 400 : undefined),
  );
}
