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

describe("search gate's wait bound", () => {
  it("should answer a reader at the bound while the search goes on, counted until it ends", async () => {
    const gate = createSearchGate(2, 40);
    let release: (v: string) => void = () => {};
    const search = new Promise<string>((resolve) => (release = resolve));
    const started = performance.now();
    const err = await gate.run(() => search).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SearchBusy);
    expect((err as SearchBusy).reason).toBe("slow");
    expect(performance.now() - started).toBeLessThan(1000);
    // Still running: it holds its slot, so the bound counts the work the workers really have.
    expect(gate.inFlight).toBe(1);
    release("late");
    await search;
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.inFlight).toBe(0);
  });

  it("should not report a late search's failure to anyone", async () => {
    const gate = createSearchGate(1, 10);
    let fail: (e: Error) => void = () => {};
    const search = new Promise<string>((_, reject) => (fail = reject));
    await expect(gate.run(() => search)).rejects.toMatchObject({ reason: "slow" });
    fail(new Error("late failure"));
    await new Promise((r) => setTimeout(r, 0));
    expect(gate.inFlight).toBe(0);
  });
});

describe("search gate with the workers' backlog", () => {
  it("should count the workers' backlog, not the requests: cache hits pass while the workers keep up", async () => {
    let backlog = 0;
    const gate = createSearchGate(2, 1000, () => backlog);
    // Ten requests at once, all answered without a worker (cache hits): none refused.
    const hits = await Promise.all(Array.from({ length: 10 }, (_, i) => gate.run(async () => i)));
    expect(hits).toHaveLength(10);
    backlog = 2;
    await expect(gate.run(async () => "x")).rejects.toMatchObject({ reason: "busy" });
    backlog = 1;
    await expect(gate.run(async () => "y")).resolves.toBe("y");
  });
});
