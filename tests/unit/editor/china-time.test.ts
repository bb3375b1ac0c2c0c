/**
 * China Standard Time (UTC+8, no daylight saving) whatever the server's time zone. The last block
 * switches the process time zone to make sure nothing reads the machine's local time; the whole
 * file is also meant to pass under `TZ=America/New_York npx vitest run tests/unit/editor`.
 */
import { afterEach, describe, expect, it } from "vitest";
import { addDays, chinaDate, chinaMidnight, formatChinaDateTime, fromChinaLocalInput, toChinaLocalInput } from "@/lib/site/china-time";

describe("chinaDate", () => {
  it("should turn to the next day at 16:00 UTC", () => {
    expect(chinaDate(new Date("2026-04-07T15:59:59.999Z"))).toBe("2026-04-07");
    expect(chinaDate(new Date("2026-04-07T16:00:00.000Z"))).toBe("2026-04-08");
  });

  it("should cross the year end eight hours before UTC does", () => {
    expect(chinaDate(new Date("2026-12-31T16:00:00Z"))).toBe("2027-01-01");
    expect(chinaDate(new Date("2026-12-31T15:59:00Z"))).toBe("2026-12-31");
  });
});

describe("toChinaLocalInput", () => {
  it("should write the China wall-clock time to the minute", () => {
    expect(toChinaLocalInput(new Date("2026-04-07T16:00:00Z"))).toBe("2026-04-08T00:00");
    expect(toChinaLocalInput(new Date("2026-04-08T01:30:59.999Z"))).toBe("2026-04-08T09:30");
  });
});

describe("fromChinaLocalInput", () => {
  it("should read a datetime-local value as China time", () => {
    expect(fromChinaLocalInput("2026-04-08T00:00")?.toISOString()).toBe("2026-04-07T16:00:00.000Z");
    expect(fromChinaLocalInput("2026-04-08T09:30")?.toISOString()).toBe("2026-04-08T01:30:00.000Z");
    expect(fromChinaLocalInput("2026-04-08T23:59:59")?.toISOString()).toBe("2026-04-08T15:59:59.000Z");
  });

  it("should round-trip with toChinaLocalInput", () => {
    for (const v of ["2026-01-01T00:00", "2026-02-28T23:59", "2024-02-29T12:00", "2026-12-31T23:59"]) {
      const at = fromChinaLocalInput(v);
      expect(at).not.toBeNull();
      expect(toChinaLocalInput(at!)).toBe(v);
    }
  });

  it("should accept 29 February in a leap year only", () => {
    expect(fromChinaLocalInput("2024-02-29T08:00")?.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(fromChinaLocalInput("2026-02-29T08:00")).toBeNull();
  });

  it.each([
    "2026-02-30T00:00", // no such day (Date.UTC would roll it to 2 March)
    "2026-04-31T10:00",
    "2026-13-01T00:00",
    "2026-00-10T00:00",
    "2026-04-00T00:00",
    "2026-04-08T24:00", // midnight is 00:00 of the next day, not 24:00
    "2026-01-31T24:00",
    "2026-04-08T23:60",
    "2026-04-08T12:75",
    "2026-04-08T25:00",
  ])("should refuse the impossible time %j", (value) => {
    expect(fromChinaLocalInput(value)).toBeNull();
  });

  it.each(["", "2026-04-08", "2026-04-08 09:30", "2026-4-8T9:30", "2026-04-08T09:30Z", "2026-04-08T09:30+08:00", "2026-04-08T09:30:00.000", " 2026-04-08T09:30", "tomorrow"])(
    "should refuse the malformed value %j",
    (value) => {
      expect(fromChinaLocalInput(value)).toBeNull();
    },
  );

  // Was a bug (lib/site/china-time.ts): minutes over 59 are refused but seconds are never checked,
  // so Date.UTC rolls "12:00:60" over to 12:01:00 (and ":99" to 12:01:39) instead of refusing the
  // value as malformed. A datetime-local input with a seconds step sends :SS, so this can arrive.
  it("should refuse seconds over 59", () => {
    expect(fromChinaLocalInput("2026-04-08T12:00:60")).toBeNull();
  });
});

describe("chinaMidnight", () => {
  it("should be 00:00 China time of the day itself (16:00 UTC the day before)", () => {
    expect(chinaMidnight("2026-04-08").toISOString()).toBe("2026-04-07T16:00:00.000Z");
    expect(chinaMidnight("2027-01-01").toISOString()).toBe("2026-12-31T16:00:00.000Z");
    expect(chinaMidnight("2024-03-01").toISOString()).toBe("2024-02-29T16:00:00.000Z");
  });

  it("should fall on the China date it was given", () => {
    expect(chinaDate(chinaMidnight("2026-04-08"))).toBe("2026-04-08");
    expect(toChinaLocalInput(chinaMidnight("2026-04-08"))).toBe("2026-04-08T00:00");
  });
});

describe("formatChinaDateTime", () => {
  it("should write the China date without leading zeros and the time with them", () => {
    expect(formatChinaDateTime(new Date("2026-12-03T16:00:00Z"))).toBe("2026年12月4日 00:00");
    expect(formatChinaDateTime(new Date("2026-04-08T01:05:00Z"))).toBe("2026年4月8日 09:05");
    expect(formatChinaDateTime(new Date("2026-12-31T16:30:00Z"))).toBe("2027年1月1日 00:30");
  });
});

describe("addDays", () => {
  it.each([
    ["2026-04-08", 1, "2026-04-09"],
    ["2026-04-30", 1, "2026-05-01"],
    ["2026-01-31", 1, "2026-02-01"],
    ["2026-02-28", 1, "2026-03-01"],
    ["2024-02-28", 1, "2024-02-29"],
    ["2024-02-29", 1, "2024-03-01"],
    ["2026-12-31", 1, "2027-01-01"],
    ["2027-01-01", -1, "2026-12-31"],
    ["2026-03-01", -1, "2026-02-28"],
    ["2026-04-08", 0, "2026-04-08"],
    ["2026-12-25", 10, "2027-01-04"],
    ["2026-04-08", 365, "2027-04-08"],
  ])("should move %s by %i days to %s", (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe("independence from the machine's time zone", () => {
  const original = process.env.TZ;
  afterEach(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });

  it.each(["UTC", "America/New_York", "Pacific/Kiritimati", "Asia/Shanghai", "America/Los_Angeles"])(
    "should give the same answers in %s",
    (tz) => {
      process.env.TZ = tz;
      // Node applies a changed TZ at once; check that it did, or the test would prove nothing.
      if (tz !== "UTC" && tz !== "Asia/Shanghai") expect(new Date("2026-04-08T00:00:00Z").getTimezoneOffset()).not.toBe(0);
      // A DST change in New York (8 March 2026) and Los Angeles must not matter either.
      expect(chinaDate(new Date("2026-03-08T16:00:00Z"))).toBe("2026-03-09");
      expect(toChinaLocalInput(new Date("2026-03-08T07:30:00Z"))).toBe("2026-03-08T15:30");
      expect(fromChinaLocalInput("2026-03-08T15:30")?.toISOString()).toBe("2026-03-08T07:30:00.000Z");
      expect(fromChinaLocalInput("2026-02-30T00:00")).toBeNull();
      expect(chinaMidnight("2026-11-01").toISOString()).toBe("2026-10-31T16:00:00.000Z");
      expect(formatChinaDateTime(new Date("2026-12-03T16:00:00Z"))).toBe("2026年12月4日 00:00");
      expect(addDays("2026-03-07", 2)).toBe("2026-03-09");
      expect(addDays("2026-10-31", 2)).toBe("2026-11-02");
    },
  );
});
