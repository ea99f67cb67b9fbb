export * from './http/index.ts';
export * from './pipedream/index.ts';
export * from './zapier/index.ts';
