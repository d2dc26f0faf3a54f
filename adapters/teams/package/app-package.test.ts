import { crc32, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildTeamsPackage } from "./app-package.js";

/** Reads a store-only zip back by walking its local headers. */
function readZip(zip: Buffer): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const size = zip.readUInt32LE(at + 18);
    const nameLen = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLen).toString();
    const data = zip.subarray(at + 30 + nameLen, at + 30 + nameLen + size);
    expect(crc32(data)).toBe(zip.readUInt32LE(at + 14));
    files.set(name, data);
    at += 30 + nameLen + size;
  }
  expect(zip.readUInt32LE(zip.length - 22)).toBe(0x06054b50);
  return files;
}

function pngInfo(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const idatLen = png.readUInt32BE(33);
  const raw = inflateSync(png.subarray(41, 41 + idatLen));
  const pixel = (x: number, y: number) => [...raw.subarray(y * (width * 4 + 1) + 1 + x * 4, y * (width * 4 + 1) + 5 + x * 4)];
  return { width, height: png.readUInt32BE(20), pixel };
}

describe("Teams app package", () => {
  const appId = "00000000-0000-0000-0000-0000000b0700";
  const zip = buildTeamsPackage({
    appId,
    version: "1.2.3",
    developerName: "Test",
    websiteUrl: "https://x.test",
    privacyUrl: "https://x.test/p",
    termsOfUseUrl: "https://x.test/t",
  });
  const files = readZip(zip);

  it("holds manifest.json and both icons, with valid CRCs", () => {
    expect([...files.keys()]).toEqual(["manifest.json", "color.png", "outline.png"]);
  });

  it("declares the bot for personal chats and teams", () => {
    const manifest = JSON.parse(files.get("manifest.json")?.toString() ?? "{}") as Record<string, unknown>;
    expect(manifest).toMatchObject({ manifestVersion: "1.17", id: appId, version: "1.2.3", icons: { color: "color.png", outline: "outline.png" } });
    expect(manifest.bots).toEqual([expect.objectContaining({ botId: appId, scopes: ["personal", "team"] })]);
  });

  it("draws a 192x192 colour icon and a 32x32 white-on-transparent outline", () => {
    const color = pngInfo(files.get("color.png") ?? Buffer.alloc(0));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.pixel(0, 0)).toEqual([0x1d, 0x4e, 0xd8, 255]);
    const outline = pngInfo(files.get("outline.png") ?? Buffer.alloc(0));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(outline.pixel(16, 8)).toEqual([255, 255, 255, 255]);
  });

  it("is byte-identical for the same input", () => {
    const again = buildTeamsPackage({
      appId,
      version: "1.2.3",
      developerName: "Test",
      websiteUrl: "https://x.test",
      privacyUrl: "https://x.test/p",
      termsOfUseUrl: "https://x.test/t",
    });
    expect(again.equals(zip)).toBe(true);
  });
});
