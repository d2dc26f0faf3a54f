// A tiny RGB canvas with rectangles and a 5×7 pixel font: enough for labelled bar charts.

export type Rgb = readonly [number, number, number];

// Each glyph is 7 rows of 5 bits, one base-32 digit per row (the top bit is the leftmost pixel).
const GLYPHS: Record<string, string> = {
  A: "ehhvhhh",
  B: "uhhuhhu",
  C: "ehggghe",
  D: "sihhhis",
  E: "vgguggv",
  F: "vgguggg",
  G: "ehgnhhf",
  H: "hhhvhhh",
  I: "e44444e",
  J: "72222ic",
  K: "hikokih",
  L: "ggggggv",
  M: "hrllhhh",
  N: "hhpljhh",
  O: "ehhhhhe",
  P: "uhhuggg",
  Q: "ehhhlid",
  R: "uhhukih",
  S: "fgge11u",
  T: "v444444",
  U: "hhhhhhe",
  V: "hhhhha4",
  W: "hhhllla",
  X: "hha4ahh",
  Y: "hha4444",
  Z: "v1248gv",
  Æ: "fkkvkkn",
  Ø: "ejlllpe",
  Å: "4aehvhh",
  "0": "ehjlphe",
  "1": "4c4444e",
  "2": "eh1248v",
  "3": "v2421he",
  "4": "26aiv22",
  "5": "vgu11he",
  "6": "68guhhe",
  "7": "v124888",
  "8": "ehhehhe",
  "9": "ehhf12c",
  " ": "0000000",
  "%": "op248j3",
  "-": "000v000",
  ".": "00000cc",
  ",": "0000c48",
  "<": "248g842",
  ">": "8421248",
  "(": "2488842",
  ")": "8422248",
  "/": "01248g0",
  ":": "0cc0cc0",
  "=": "00v0v00",
  "+": "044v440",
};

export class Canvas {
  readonly pixels: Uint8Array;
  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb = [255, 255, 255],
  ) {
    this.pixels = new Uint8Array(width * height * 3);
    this.fill(0, 0, width, height, background);
  }

  fill(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    for (let yy = y0; yy < y1; yy++) {
      for (let xx = x0; xx < x1; xx++) {
        const i = (yy * this.width + xx) * 3;
        this.pixels[i] = r;
        this.pixels[i + 1] = g;
        this.pixels[i + 2] = b;
      }
    }
  }

  pixel(x: number, y: number): Rgb {
    const i = (y * this.width + x) * 3;
    return [this.pixels[i]!, this.pixels[i + 1]!, this.pixels[i + 2]!];
  }

  /** Draws upper-cased text with its top-left corner at (x, y); `scale` enlarges each pixel. */
  text(x: number, y: number, text: string, colour: Rgb, scale = 1): void {
    let cx = x;
    for (const ch of text.toUpperCase()) {
      const glyph = GLYPHS[ch] ?? GLYPHS[" "]!;
      for (let row = 0; row < 7; row++) {
        const bits = parseInt(glyph[row] ?? "0", 32);
        for (let col = 0; col < 5; col++) if (bits & (1 << (4 - col))) this.fill(cx + col * scale, y + row * scale, scale, scale, colour);
      }
      cx += 6 * scale;
    }
  }
}

export function textWidth(text: string, scale = 1): number {
  return Math.max(0, [...text].length * 6 * scale - scale);
}
