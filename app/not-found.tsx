import { NotFoundMain } from "@/components/document";

export default function NotFound() {
  return <NotFoundMain />;
}
