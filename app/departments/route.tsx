import { cacheLife, cacheTag } from "next/cache";
import { DepartmentsMain } from "@/components/directories";
import { type Page, renderPage, serveDocument } from "@/components/document";
import { ISSUES_TAG, READER_TAG } from "@/lib/edition/cache-tags";
import { listDepartmentsByKind } from "@/lib/db/departments";

/** GET /departments: every department with published articles, grouped by kind. */
export async function GET(request: Request) {
  return serveDocument(request, departmentsDocument);
}

async function departmentsDocument(): Promise<Page> {
  "use cache";
  cacheLife("hours");
  cacheTag(READER_TAG, ISSUES_TAG);
  return renderPage({ title: "部门", canonical: "/departments" }, <DepartmentsMain groups={await listDepartmentsByKind()} />);
}
