#!/usr/bin/env node
// Draws the add-in's icon (a clock handing off to an arrow, on Fluent's brand blue) as PNGs at the sizes Outlook
// asks for. Pure Node: anti-aliased by 4×4 supersampling, written with zlib. Output: public/assets/icon-N.png.
import { writeFileSync, mkdirSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const out = join(dirname(fileURLToPath(import.meta.url)), "..", "public", "assets");
const SIZES = [16, 32, 64, 80, 128];
const BLUE = [15, 108, 189];
const WHITE = [255, 255, 255];

// Shapes on a unit square (0..1). Each returns true when the point is inside.
const roundedSquare = (x, y, r = 0.2) => {
  const dx = Math.max(Math.abs(x - 0.5) - (0.5 - r), 0);
  const dy = Math.max(Math.abs(y - 0.5) - (0.5 - r), 0);
  return dx * dx + dy * dy <= r * r;
};
const ring = (x, y, cx, cy, r, w) => {
  const d = Math.hypot(x - cx, y - cy);
  return d <= r && d >= r - w;
};
const segment = (x, y, ax, ay, bx, by, w) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= w / 2;
};

function glyph(x, y, size) {
  const w = size <= 16 ? 0.11 : size <= 32 ? 0.085 : 0.07; // thicker strokes where pixels are few
  const cx = 0.42, cy = 0.45, r = 0.27;
  if (ring(x, y, cx, cy, r, w)) return true;
  if (segment(x, y, cx, cy, cx, cy - 0.15, w)) return true; // minute hand
  if (segment(x, y, cx, cy, cx + 0.11, cy + 0.06, w)) return true; // hour hand
  // the handoff arrow, bottom right
  if (segment(x, y, 0.56, 0.78, 0.84, 0.78, w)) return true;
  if (segment(x, y, 0.84, 0.78, 0.75, 0.69, w)) return true;
  if (segment(x, y, 0.84, 0.78, 0.75, 0.87, w)) return true;
  return false;
}

function render(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0, fg = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size, y = (py + (sy + 0.5) / n) / size;
          if (!roundedSquare(x, y)) continue;
          bg++;
          if (glyph(x, y, size)) fg++;
        }
      }
      const alpha = bg / (n * n), f = bg ? fg / bg : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(BLUE[c] * (1 - f) + WHITE[c] * f);
      rgba[i + 3] = Math.round(alpha * 255);
    }
  }
  return png(size, size, rgba);
}

function png(width, height, rgba) {
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", ihdr), chunk("IDAT", deflateSync(raw, { level: 9 })), chunk("IEND", Buffer.alloc(0))]);
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

mkdirSync(out, { recursive: true });
for (const size of SIZES) {
  writeFileSync(join(out, `icon-${size}.png`), render(size));
  console.log(`icon-${size}.png`);
}
