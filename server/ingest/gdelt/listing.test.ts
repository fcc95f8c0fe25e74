import { describe, expect, it } from "vitest";
import { realLastUpdate, realMasterFileList } from "@/test/fixtures/gdelt";
import { GdeltFileError } from "./errors";
import { exportFiles, parseListing, parseListingLine, slotOf, stampOf } from "./listing";

const errorOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("no error");
};

describe("GDELT listings", () => {
  it("read a real lastupdate.txt: three files, the export one with its slot", () => {
    const files = parseListing(realLastUpdate());
    expect(files.map((f) => f.kind)).toEqual(["export", "mentions", "gkg"]);
    expect(exportFiles(files)).toEqual([
      {
        size: 140798,
        md5: "db1656643ba5a4bed625cabcdb0fa25a",
        url: "http://data.gdeltproject.org/gdeltv2/20181109151500.export.CSV.zip",
        kind: "export",
        slot: new Date("2018-11-09T15:15:00Z"),
      },
    ]);
  });

  it("read the real master file list's first 1,000 lines: export files in slot order", () => {
    const files = parseListing(realMasterFileList());
    expect(files).toHaveLength(1000);
    const exports = exportFiles(files);
    expect(exports[0]).toMatchObject({ size: 150383, md5: "297a16b493de7cf6ca809a7cc31d0b93", slot: new Date("2015-02-18T23:00:00Z") });
    expect(exports.every((f, i) => i === 0 || f.slot > (exports[i - 1]?.slot ?? f.slot))).toBe(true);
    expect(files.filter((f) => f.kind === "gkg").length).toBeGreaterThan(0); // the gkg names are lower case: .gkg.csv.zip
  });

  it("take CRLF line ends and a missing final line end", () => {
    const line = "150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip";
    expect(parseListing(`${line}\r\n${line}`)).toHaveLength(2);
    expect(parseListing("")).toEqual([]);
  });

  it("refuse a bad line with its number and why", () => {
    const good = "150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip";
    const cases: Array<[string, RegExp]> = [
      ["297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip", /^line 2: not "<size> <md5> <url>"/],
      ["150383 297A16B4 http://data.gdeltproject.org/gdeltv2/20150218230000.export.CSV.zip", /^line 2: not/],
      ["150383  297a16b493de7cf6ca809a7cc31d0b93 http://x/20150218230000.export.CSV.zip", /^line 2: not/],
      ["150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218230000.events.CSV.zip", /^line 2: the URL does not end in/],
      ["150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150218231700.export.CSV.zip", /^line 2: 20150218231700 is not a 15-minute slot$/],
      ["150383 297a16b493de7cf6ca809a7cc31d0b93 http://data.gdeltproject.org/gdeltv2/20150230230000.export.CSV.zip", /^line 2: 20150230230000 is not a 15-minute slot$/],
      ["", /^line 2: not/],
      ["<html><body>Bad Gateway</body></html>", /^line 2: not/],
    ];
    for (const [bad, reason] of cases) {
      const error = errorOf(() => parseListing(`${good}\n${bad}\n${good}\n`));
      expect(error).toBeInstanceOf(GdeltFileError);
      expect(error).toMatchObject({ failure: "listing", line: 2 });
      expect(error instanceof Error ? error.message : "").toMatch(reason);
    }
    expect(() => parseListingLine("", 7)).toThrow(/^line 7:/);
  });

  it("name slots both ways", () => {
    expect(slotOf("20150218234500")).toEqual(new Date("2015-02-18T23:45:00Z"));
    expect(slotOf("20150218240000")).toBeNull();
    expect(slotOf("2015021823450")).toBeNull();
    expect(stampOf(new Date("2015-02-18T23:45:00Z"))).toBe("20150218234500");
  });
});
