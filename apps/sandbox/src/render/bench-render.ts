// Throughput of the render engine on the 1080×1080 daily post, per output format. Not a test (no
// wall-clock assertion anywhere): run once by hand —
//   npx esbuild src/render/bench-render.ts --bundle --platform=node --format=esm \
//     --packages=external --outfile=bench-render.tmp.mjs && node bench-render.tmp.mjs
// CPU ms per render is reported beside wall time because a shared machine skews the latter.

import { seedDesigns } from '../seed/index.js';
import { renderDesign } from './index.js';

const d = seedDesigns().find((x) => x.name === 'Daily social post')!;
const run = (i: number, format: 'png' | 'jpg' | 'svg' | 'pdf' = 'png') =>
  renderDesign({
    width: d.width,
    height: d.height,
    canvasData: d.canvasData,
    format,
    dynamicData: { headline: `Headline number ${i} for today`, date: '30 November 2026' },
  });
for (let i = 0; i < 5; i++) await run(i);
for (const format of ['png', 'jpg', 'svg', 'pdf'] as const) {
  const n = format === 'svg' ? 500 : format === 'pdf' ? 10 : 30;
  const t = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < n; i++) await run(i, format);
  const s = (performance.now() - t) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000 / n;
  console.log(
    `${format} 1080x1080: ${(n / s).toFixed(1)} renders/s (${((s / n) * 1000).toFixed(1)} ms each, n=${n}, sequential; CPU ${cpuMs.toFixed(1)} ms each → ${(1000 / cpuMs).toFixed(1)}/s per core)`,
  );
}
