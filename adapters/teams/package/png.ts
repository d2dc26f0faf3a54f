// The Teams app icons are drawn pixel by pixel, then encoded by the project's one PNG encoder.
import { encodePng } from "../../../src/lib/png.js";

export type Pixel = (x: number, y: number) => [number, number, number, number];

export function drawPng(width: number, height: number, pixel: Pixel): Buffer {
  const rgba = new Uint8Array(width * height * 4);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) rgba.set(pixel(x, y), (y * width + x) * 4);
  return encodePng(width, height, rgba, 4);
}
