// Entry of dist/n8n-runtime.cjs: the n8n engine harness, built as CommonJS (see tsup.config.ts).
export { N8nHarness } from '@canvelete/testing/n8n';
