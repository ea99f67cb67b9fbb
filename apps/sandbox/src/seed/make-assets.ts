// Generates the sample images under apps/sandbox/assets once (they are committed; this script
// documents how they were made). Run: npx esbuild src/seed/make-assets.ts --outfile=/tmp/ma.mjs
// && node /tmp/ma.mjs (from apps/sandbox). Shapes only, no text: no font is needed.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';

const PRODUCT = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fde68a"/><stop offset="1" stop-color="#f59e0b"/>
    </linearGradient>
    <linearGradient id="body" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#0f766e"/><stop offset="0.5" stop-color="#14b8a6"/><stop offset="1" stop-color="#0f766e"/>
    </linearGradient>
  </defs>
  <rect width="600" height="600" fill="url(#bg)"/>
  <ellipse cx="300" cy="525" rx="150" ry="22" fill="#000" opacity="0.18"/>
  <rect x="262" y="70" width="76" height="50" rx="8" fill="#1f2937"/>
  <path d="M250 120h100v40c0 20 60 40 60 110v230c0 18-14 30-30 30H220c-16 0-30-12-30-30V270c0-70 60-90 60-110z" fill="url(#body)"/>
  <rect x="205" y="300" width="190" height="120" rx="10" fill="#ffffff" opacity="0.92"/>
  <circle cx="300" cy="360" r="34" fill="#f59e0b"/>
  <path d="M240 180c-20 30-28 60-28 100" stroke="#ffffff" stroke-width="10" stroke-linecap="round" fill="none" opacity="0.35"/>
</svg>`;

const MUG = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#fecaca"/><stop offset="1" stop-color="#f87171"/>
    </linearGradient>
    <linearGradient id="glaze" x1="0" y1="0" x2="1" y2="0">
      <stop offset="0" stop-color="#e5e7eb"/><stop offset="0.5" stop-color="#ffffff"/><stop offset="1" stop-color="#d1d5db"/>
    </linearGradient>
  </defs>
  <rect width="600" height="600" fill="url(#bg)"/>
  <ellipse cx="280" cy="500" rx="170" ry="24" fill="#000" opacity="0.18"/>
  <path d="M390 230c70 0 90 40 90 80s-30 90-100 90" stroke="#f3f4f6" stroke-width="34" fill="none"/>
  <path d="M140 170h280v260c0 40-30 70-70 70H210c-40 0-70-30-70-70z" fill="url(#glaze)"/>
  <ellipse cx="280" cy="170" rx="140" ry="26" fill="#b91c1c"/>
  <path d="M180 280h200" stroke="#b91c1c" stroke-width="18" stroke-linecap="round"/>
  <path d="M240 100c-20 20 20 30 0 55M300 90c-20 25 20 35 0 65" stroke="#ffffff" stroke-width="8" fill="none" opacity="0.7" stroke-linecap="round"/>
</svg>`;

const TOTE = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="600" viewBox="0 0 600 600">
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="1" y2="1">
      <stop offset="0" stop-color="#c7d2fe"/><stop offset="1" stop-color="#818cf8"/>
    </linearGradient>
  </defs>
  <rect width="600" height="600" fill="url(#bg)"/>
  <ellipse cx="300" cy="530" rx="170" ry="20" fill="#000" opacity="0.18"/>
  <path d="M225 230v-50c0-45 30-75 75-75s75 30 75 75v50" stroke="#57534e" stroke-width="18" fill="none"/>
  <path d="M150 220h300l25 290H125z" fill="#e7e5e4"/>
  <path d="M150 220h300l4 40H146z" fill="#d6d3d1"/>
  <rect x="235" y="320" width="130" height="110" rx="12" fill="#3949ab"/>
  <path d="M265 375l25 25 45-50" stroke="#ffffff" stroke-width="14" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const AVATAR = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256">
  <rect width="256" height="256" fill="#c7d2fe"/>
  <circle cx="128" cy="104" r="52" fill="#f1c27d"/>
  <path d="M76 96c0-40 24-60 52-60s52 20 52 60c-10-18-30-26-52-26s-42 8-52 26z" fill="#3f2a1d"/>
  <path d="M36 256c0-60 40-92 92-92s92 32 92 92z" fill="#4f46e5"/>
  <circle cx="108" cy="108" r="6" fill="#1f2937"/><circle cx="148" cy="108" r="6" fill="#1f2937"/>
  <path d="M110 130q18 14 36 0" stroke="#1f2937" stroke-width="5" fill="none" stroke-linecap="round"/>
</svg>`;

const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="160" viewBox="0 0 160 160">
  <circle cx="80" cy="80" r="76" fill="#1e3a8a"/>
  <path d="M80 28l14 30 33 4-24 23 6 33-29-16-29 16 6-33-24-23 33-4z" fill="#fbbf24"/>
</svg>`;

async function main() {
  const dir = join(process.cwd(), 'assets');
  mkdirSync(dir, { recursive: true });
  const write = (svg: string, name: string) =>
    sharp(Buffer.from(svg))
      .png({ palette: true, compressionLevel: 9, colours: 128 })
      .toFile(join(dir, name));
  await write(PRODUCT, 'product-bottle.png');
  await write(MUG, 'product-mug.png');
  await write(TOTE, 'product-tote.png');
  await write(AVATAR, 'avatar.png');
  await write(LOGO, 'logo.png');
}

await main();
