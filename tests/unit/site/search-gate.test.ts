/** Load shedding for search (lib/site/search-gate.ts): past the bound, refused at once; below it, run. */
import { describe, expect, it } from "vitest";
import { createSearchGate, SearchBusy } from "@/lib/site/search-gate";

describe("search gate", () => {
  it("should refuse at once past the bound, and take searches again as they finish", async () => {
    const gate = createSearchGate(3);
    const releases: (() => void)[] = [];
    const slow = () => gate.run(() => new Promise<string>((resolve) => releases.push(() => resolve("ok"))));
    const running = [slow(), slow(), slow()];
    expect(gate.inFlight).toBe(3);
    const started = performance.now();
    await expect(gate.run(async () => "never")).rejects.toBeInstanceOf(SearchBusy);
    expect(performance.now() - started).toBeLessThan(50);
    releases.shift()?.();
    await running[0];
    expect(gate.inFlight).toBe(2);
    await expect(gate.run(async () => "again")).resolves.toBe("again");
    for (const r of releases) r();
    await Promise.all(running);
    expect(gate.inFlight).toBe(0);
  });

  it("should free its slot when a search fails", async () => {
    const gate = createSearchGate(1);
    await expect(gate.run(async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(gate.inFlight).toBe(0);
    await expect(gate.run(async () => 1)).resolves.toBe(1);
  });
});
