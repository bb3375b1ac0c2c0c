import "server-only";
import { type Page, renderDocument } from "@/components/document";
import { requireEditorRequest } from "@/lib/auth/access";
import { issueDateForPreviewToken } from "@/lib/db/desk";
import { toPreviewDocument } from "@/lib/editor/preview-html";
import { readerCsp } from "@/lib/site/security-headers";

/**
 * The response of a preview address (/editor/preview/<token>/…): signed-in editors only, the
 * issue found by its unguessable token, the page rendered as readers would get it, and
 * `Cache-Control: private, no-store` so no shared cache or browser keeps a draft.
 */
export async function servePreview(
  request: Request,
  token: string,
  render: (date: string) => Promise<{ page: Page; label: string; deskHref: string } | null>,
): Promise<Response> {
  await requireEditorRequest(request);
  const headers = { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store", "x-robots-tag": "noindex", "content-security-policy": readerCsp() };
  const date = await issueDateForPreviewToken(token);
  const found = date ? await render(date) : null;
  if (!date || !found) return new Response("<!DOCTYPE html><html lang=\"zh-CN\"><meta charset=\"utf-8\"><title>预览不存在</title><p>这个预览地址不存在(期次可能已被删除)。<a href=\"/editor\">返回编辑部</a></p></html>", { status: 404, headers });
  const html = await renderDocument(found.page);
  return new Response(toPreviewDocument(html, { date, token, label: found.label, deskHref: found.deskHref }), { status: 200, headers });
}
