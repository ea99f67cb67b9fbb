import { readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PipedreamHarness, startPipedreamHarness } from './harness.ts';
import { checkRegistryApp } from './registry-checks.ts';

/**
 * An outside check of the emulation: components Pipedream itself published to npm (pinned
 * versions, each with the @pipedream/platform version it declares), run unchanged in the harness.
 * Only their offline paths run here: their apps call fixed public hosts.
 */
const require = createRequire(import.meta.url);
const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
const helpers = packageDir('@pipedream/helper_functions');
const dynapictures = packageDir('@pipedream/dynapictures');

let pd: PipedreamHarness;
let files: Server;
let filesUrl: string;
beforeAll(async () => {
  pd = await startPipedreamHarness();
  files = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(Buffer.from([0, 1, 2, 253, 254, 255]));
  });
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  filesUrl = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await pd.close();
  await new Promise((resolve) => files.close(resolve));
});

describe('@pipedream/helper_functions 0.3.13', () => {
  it('export-variables: parses the object and exports it; bad JSON is a ConfigurationError', async () => {
    const path = join(helpers, 'actions/export-variables/export-variables.mjs');
    const ok = await pd.action(path, { props: { config: '{"a": [1, 2]}' } });
    expect((await ok.run()).exports.config).toEqual({ a: [1, 2] });
    const bad = await pd.action(path, { props: { config: '{nope' } });
    const result = await bad.run();
    expect(result.status).toBe('error');
    expect((result.error as Error).name).toBe('ConfigurationError');
  });

  it('download-file-to-tmp: the platform axios fetches binary data and the file lands in /tmp', async () => {
    const filename = `pd-harness-${process.pid}-${Date.now()}.bin`;
    const step = await pd.action(
      join(helpers, 'actions/download-file-to-tmp/download-file-to-tmp.mjs'),
      {
        props: { url: `${filesUrl}/file.bin`, filename },
      },
    );
    const result = await step.run();
    expect(result.returnValue).toEqual([filename, `/tmp/${filename}`]);
    expect([...(await readFile(`/tmp/${filename}`))]).toEqual([0, 1, 2, 253, 254, 255]);
    await rm(`/tmp/${filename}`);
  });

  it('passes the registry key and folder checks', async () => {
    const report = await checkRegistryApp(helpers);
    expect(report.appSlug).toBe('helper_functions');
    expect(
      report.problems.filter((p) =>
        /lacks the app slug|derives key|duplicate|does not match/.test(p),
      ),
    ).toEqual([]);
    expect(report.components.length).toBeGreaterThan(10);
  });
});

describe('@pipedream/dynapictures 0.2.0', () => {
  const source = join(dynapictures, 'sources/new-image-instant/new-image-instant.mjs');

  it('new-image-instant: responds through http.respond and dedupes repeated image ids', async () => {
    const instant = await pd.source(source, { props: { templateId: 'tpl' } });
    expect(instant.prop('templateId').spec.label).toBe('Template ID');
    const event = {
      method: 'POST',
      path: '/',
      query: {},
      headers: {},
      bodyRaw: '',
      body: { id: 'img-1' },
    };
    await instant.runWith(event);
    await instant.runWith(event);
    expect(instant.responses).toEqual([{ status: 200 }, { status: 200 }]);
    expect(instant.emitted).toHaveLength(1);
    expect(instant.emitted[0]?.meta).toMatchObject({ id: 'img-1', summary: 'New Image: img-1' });
    expect(instant.dropped).toHaveLength(1);
  });

  it('its hook methods see the endpoint through destructured, bound methods', async () => {
    const instant = await pd.source(source, { props: { templateId: 'tpl' } });
    const { getWebhookData } = instant.boundThis() as { getWebhookData: () => unknown };
    expect(getWebhookData()).toEqual({
      data: { targetUrl: instant.endpoint, eventType: 'NEW_IMAGE', templateId: 'tpl' },
    });
  });

  it('passes the registry checks, annotations included', async () => {
    const report = await checkRegistryApp(dynapictures);
    expect(report.appSlug).toBe('dynapictures');
    expect(report.problems).toEqual([]);
    expect(report.components.map((c) => c.key).sort()).toEqual([
      'dynapictures-create-image',
      'dynapictures-list-template-id-options',
      'dynapictures-new-image-instant',
    ]);
  });
});
