import type { Metadata } from "next";
import { ImportForm } from "@/components/editor/import-form";
import { requireEditor } from "@/lib/auth/access";
import { chinaDate } from "@/lib/site/china-time";
import { isoDate } from "@/lib/validations/params";

export const metadata: Metadata = { title: "导入版面" };

/** /editor/import: page files from the browser, through the same import as `npm run ingest`. */
export default async function ImportPage({ searchParams }: { searchParams: Promise<{ date?: string | string[] }> }) {
  await requireEditor({ from: "/editor/import" });
  const sp = await searchParams;
  const given = isoDate.safeParse(sp.date);
  return (
    <>
      <h1 className="mb-2 font-serif text-2xl font-bold">导入版面</h1>
      <p className="mb-6 max-w-3xl text-muted">
        导入与命令行 <code>npm run ingest</code> 相同:全部成功或全部不写入,出错时指出文件和行。导入的版面是草稿,发布前读者看不到;
        同一文件再次导入不会改变任何内容。
      </p>
      <ImportForm defaultDate={given.success ? given.data : chinaDate(new Date())} />
    </>
  );
}
