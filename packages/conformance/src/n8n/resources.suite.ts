import { Canvelete, describeFields } from '@canvelete/core';
import { N8nHarness } from '@canvelete/testing/n8n';
import type { INodeListSearchResult, ResourceMapperFields } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_IDS } from './seed-ids.ts';
import { N8N_PACKAGE_DIR, type N8nSandboxSetup, startN8nSandbox } from './setup.ts';

// Enough designs for Return All to need two pages of 100, and the picker three pages of 50.
const EXTRA_DESIGNS = 110;

describe('Canvelete node: designs, templates, account, render lookups, pickers (engine)', () => {
  let setup: N8nSandboxSetup;

  beforeAll(async () => {
    setup = await startN8nSandbox();
    const client = new Canvelete({ apiKey: setup.sandbox.apiKey, baseUrl: setup.sandbox.url });
    for (let index = 0; index < EXTRA_DESIGNS; index++) {
      await client.designs.create({ name: `Paging design ${index}`, width: 100, height: 100 });
    }
  });

  afterAll(async () => {
    await setup.close();
  });

  const single = async (parameters: Record<string, unknown>, input = [{}]) => {
    const run = await setup.harness.run(
      { nodes: [{ name: 'Node', type: 'canvelete', parameters }] },
      input,
    );
    expect(run.error?.message).toBeUndefined();
    expect(run.status).toBe('success');
    return run.output('Node');
  };

  it('gets a design by list value, by ID and by URL', async () => {
    for (const design of [
      { __rl: true, mode: 'list', value: SEED_IDS.certificate },
      { __rl: true, mode: 'id', value: SEED_IDS.certificate },
      { __rl: true, mode: 'url', value: `${setup.sandbox.url}/editor/${SEED_IDS.certificate}` },
    ]) {
      const [item] = await single({ resource: 'design', operation: 'get', design });
      expect(item?.json.id).toBe(SEED_IDS.certificate);
    }
  });

  it('lists designs with a limit or all of them, and creates one', async () => {
    const limited = await single({ resource: 'design', operation: 'getAll', limit: 7 });
    expect(limited).toHaveLength(7);
    const all = await single({ resource: 'design', operation: 'getAll', returnAll: true });
    expect(all).toHaveLength(EXTRA_DESIGNS + 6);
    expect(new Set(all.map((item) => item.json.id)).size).toBe(EXTRA_DESIGNS + 6);
    const overPages = await single({ resource: 'design', operation: 'getAll', limit: 105 });
    expect(overPages).toHaveLength(105);
    const searched = await single({
      resource: 'design',
      operation: 'getAll',
      returnAll: true,
      filters: { search: 'Paging design 5' },
    });
    expect(searched.map((item) => item.json.name)).toContain('Paging design 5');
    const [created] = await single(
      {
        resource: 'design',
        operation: 'create',
        name: '={{ $json.title }}',
        additionalFields: { width: 640, height: 360, description: 'from n8n' },
      },
      [{ title: 'Created in n8n' }],
    );
    expect(created?.json).toMatchObject({ name: 'Created in n8n', width: 640, height: 360 });
  });

  it('gets templates and the account usage', async () => {
    const templates = await single({ resource: 'template', operation: 'getAll', returnAll: true });
    expect(templates.map((item) => item.json.id)).toContain(SEED_IDS.ticketTemplate);
    const [template] = await single({
      resource: 'template',
      operation: 'get',
      template: { __rl: true, mode: 'id', value: SEED_IDS.ticketTemplate },
    });
    expect(Array.isArray(template?.json.variables)).toBe(true);
    const [usage] = await single({ resource: 'account', operation: 'getUsage' });
    expect(typeof usage?.json.creditsRemaining).toBe('number');
  });

  it('gets a render (record and file) and the render history', async () => {
    const [rendered] = await single({
      resource: 'render',
      operation: 'render',
      design: { __rl: true, mode: 'id', value: SEED_IDS.staticBanner },
      format: 'png',
      output: 'json',
      fields: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [] },
    });
    const renderId = String(rendered?.json.id);
    const [found] = await single({
      resource: 'render',
      operation: 'get',
      renderId,
      output: 'both',
    });
    expect(found?.json).toMatchObject({ id: renderId, status: 'completed' });
    const file = found?.binary?.data;
    expect(file?.mimeType).toBe('image/png');
    expect(Buffer.from(String(file?.data), 'base64').subarray(1, 4).toString('latin1')).toBe('PNG');
    const history = await single({ resource: 'render', operation: 'getAll', limit: 1 });
    expect(history.map((item) => item.json.id)).toEqual([renderId]);
  });

  it('searches and pages the design picker', async () => {
    const workflow = setup.harness.workflow({
      nodes: [
        { name: 'Node', type: 'canvelete', parameters: { resource: 'design', operation: 'get' } },
      ],
    });
    const pages: INodeListSearchResult[] = [];
    let token: string | undefined;
    do {
      const page = await setup.harness.callMethod<INodeListSearchResult>(
        workflow,
        'Node',
        'listSearch',
        'searchDesigns',
        undefined,
        token,
      );
      pages.push(page);
      token = page.paginationToken;
    } while (token && pages.length < 10);
    const client = new Canvelete({ apiKey: setup.sandbox.apiKey, baseUrl: setup.sandbox.url });
    let total = 0;
    for await (const _design of client.designs.iterate({ limit: 100 })) total++;
    expect(total).toBeGreaterThan(100);
    expect(pages.map((page) => page.results.length)).toEqual([50, 50, total - 100]);
    expect(pages.map((page) => page.paginationToken)).toEqual(['2', '3', undefined]);
    const values = pages.flatMap((page) => page.results.map((result) => result.value));
    expect(new Set(values).size).toBe(total);
    const filtered = await setup.harness.callMethod<INodeListSearchResult>(
      workflow,
      'Node',
      'listSearch',
      'searchTemplates',
      'ticket',
    );
    expect(filtered.results.map((result) => result.value)).toContain(SEED_IDS.ticketTemplate);
  });

  it('describes a design and a template as typed resource-mapper fields', async () => {
    const fieldsOf = async (parameters: Record<string, unknown>) =>
      setup.harness.callMethod<ResourceMapperFields>(
        setup.harness.workflow({
          nodes: [
            {
              name: 'Node',
              type: 'canvelete',
              parameters: { resource: 'render', operation: 'render', ...parameters },
            },
          ],
        }),
        'Node',
        'resourceMapping',
        'getFields',
      );
    const design = await fieldsOf({
      source: 'design',
      design: { __rl: true, mode: 'id', value: SEED_IDS.productCard },
    });
    const byId = Object.fromEntries(design.fields.map((field) => [field.id, field]));
    expect(byId.product_name).toMatchObject({ type: 'string', required: false, display: true });
    expect(byId.product_image?.displayName).toContain('image');
    expect(byId.badge?.displayName).toContain('colour');
    const template = await fieldsOf({
      source: 'template',
      template: { __rl: true, mode: 'id', value: SEED_IDS.ticketTemplate },
    });
    // Types and required flags come from the core's describeFields, kind by kind.
    const client = new Canvelete({ apiKey: setup.sandbox.apiKey, baseUrl: setup.sandbox.url });
    const specs = describeFields(await client.templates.retrieve(SEED_IDS.ticketTemplate));
    const kindToType = { number: 'number', boolean: 'boolean' } as Record<string, string>;
    expect(template.fields.map((field) => [field.id, field.type, field.required])).toEqual(
      specs.map((spec) => [spec.key, kindToType[spec.kind] ?? 'string', spec.required]),
    );
    expect(template.fields.map((field) => field.id)).toEqual(
      expect.arrayContaining(['attendee_name', 'attendee_photo', 'ticket_number', 'vip']),
    );
    const none = await fieldsOf({
      source: 'design',
      design: { __rl: true, mode: 'id', value: '' },
    });
    expect(none.fields).toEqual([]);
  });

  it("answers the credential's test request: 200 with the key, 401 with a wrong one", async () => {
    const workflow = setup.harness.workflow({
      nodes: [{ name: 'Node', type: 'canvelete', parameters: { resource: 'account' } }],
    });
    expect(await setup.harness.credentialTest(workflow, 'Node', 'canveleteApi')).toBe(200);
    const wrong = await N8nHarness.create({
      packageDir: N8N_PACKAGE_DIR,
      credentials: {
        canveleteApi: { apiKey: 'cvt_wrong', baseUrl: `${setup.sandbox.url}/`, webhookSecret: '' },
      },
    });
    const wrongWorkflow = wrong.workflow({
      nodes: [{ name: 'Node', type: 'canvelete', parameters: { resource: 'account' } }],
    });
    expect(await wrong.credentialTest(wrongWorkflow, 'Node', 'canveleteApi')).toBe(401);
  });
});
