// A small PNG reader for tests: checks the signature and every chunk's CRC, inflates IDAT and
// undoes the scanline filters, so tests can look at pixels of the charts we draw.
import { inflateSync } from "node:zlib";
import { crc32 } from "node:zlib";

export interface Decoded {
  width: number;
  height: number;
  pixel(x: number, y: number): [number, number, number];
}

export function decodePng(png: Buffer): Decoded {
  if (png.subarray(0, 8).toString("hex") !== "89504e470d0a1a0a") throw new Error("not a PNG");
  let pos = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.subarray(pos + 4, pos + 8).toString("ascii");
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (png.readUInt32BE(pos + 8 + len) !== crc32(png.subarray(pos + 4, pos + 8 + len))) throw new Error(`bad CRC in ${type}`);
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || data[9] !== 2) throw new Error("expected 8-bit RGB");
    }
    if (type === "IDAT") idat.push(data);
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * 3;
  const out = Buffer.alloc(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const v = raw[y * (stride + 1) + 1 + x]!;
      const left = x >= 3 ? out[y * stride + x - 3]! : 0;
      const up = y > 0 ? out[(y - 1) * stride + x]! : 0;
      out[y * stride + x] = filter === 0 ? v : filter === 1 ? (v + left) & 255 : filter === 2 ? (v + up) & 255 : NaN;
    }
  }
  return { width, height, pixel: (x, y) => [out[(y * width + x) * 3]!, out[(y * width + x) * 3 + 1]!, out[(y * width + x) * 3 + 2]!] };
}
