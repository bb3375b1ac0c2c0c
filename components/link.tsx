import NextLink from "next/link";
import type { ComponentProps } from "react";

/**
 * The site's link: next/link without prefetching unless asked for. A page of the edition shows
 * dozens of links (page list, article list, page map, header); prefetching each one as it scrolls
 * into view fetched some twenty RSC payloads on every visit and kept a phone's main thread busy
 * while the reader was starting to read. Reader pages are cached on the server, so a click is
 * answered quickly without it.
 */
export default function Link({ prefetch = false, ...props }: ComponentProps<typeof NextLink>) {
  return <NextLink prefetch={prefetch} {...props} />;
}
