import { eventChanges } from "@/lib/editor/activity";

/** A logged correction's before/after, one line per change (nothing for other events). */
export function EventChanges({ event }: { event: { detail: Record<string, unknown> } }) {
  const changes = eventChanges(event);
  if (changes.length === 0) return null;
  return (
    <ul className="ml-4 list-disc text-muted" aria-label="修改前后">
      {changes.map((c, i) => (
        <li key={i}>{c}</li>
      ))}
    </ul>
  );
}
