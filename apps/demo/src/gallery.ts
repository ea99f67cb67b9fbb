// Writes demo-output/index.html: every output inline (images, SVG included) or linked (PDF), plus the summary.
import type { ScenarioResult } from './types.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function artifactHtml(file: string, contentType: string): string {
  const href = encodeURI(file);
  if (contentType.startsWith('image/')) {
    return `<figure><img src="${href}" alt="${escapeHtml(file)}"><figcaption>${escapeHtml(file)}</figcaption></figure>`;
  }
  return `<figure class="link"><a href="${href}">${escapeHtml(file)}</a><figcaption>${escapeHtml(contentType)}</figcaption></figure>`;
}

export function galleryHtml(results: ScenarioResult[], generatedAt: Date): string {
  const rows = results
    .map(
      (r) =>
        `<tr class="${r.ok ? 'ok' : 'failed'}"><td>${escapeHtml(r.title)}</td><td>${r.platform}</td>` +
        `<td>${r.skipped ? 'skipped' : r.ok ? 'ok' : 'failed'}</td><td>${(r.ms / 1000).toFixed(1)} s</td>` +
        `<td>${escapeHtml(r.ok ? r.note : (r.error ?? ''))}</td></tr>`,
    )
    .join('\n');
  const sections = results
    .filter((r) => r.artifacts.length > 0)
    .map(
      (r) =>
        `<section><h2>${escapeHtml(r.title)} <small>(${r.platform})</small></h2>` +
        `<div class="grid">${r.artifacts.map((a) => artifactHtml(a.file, a.contentType)).join('')}</div></section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Canvelete connectors demo</title>
<style>
body{font-family:system-ui,sans-serif;margin:2rem;color:#1d1d1f}table{border-collapse:collapse}
td,th{border:1px solid #ccc;padding:.3rem .6rem;text-align:left}tr.failed{background:#fde8e8}
.grid{display:flex;flex-wrap:wrap;gap:1rem}figure{margin:0}img{max-width:360px;max-height:360px;border:1px solid #ddd}
</style></head><body>
<h1>Canvelete connectors demo</h1><p>Generated ${escapeHtml(generatedAt.toISOString())}</p>
<table><thead><tr><th>scenario</th><th>platform</th><th>result</th><th>time</th><th>note</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${sections}
</body></html>
`;
}
