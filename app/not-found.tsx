import { NotFoundMain } from "@/components/document";
import { SiteFooter, SiteHeader, SkipLink } from "@/components/site-header";

export default function NotFound() {
  return (
    <>
      <SkipLink />
      <SiteHeader />
      <NotFoundMain />
      <SiteFooter />
    </>
  );
}
