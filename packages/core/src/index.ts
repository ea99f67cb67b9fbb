export * from './errors/index.js';
export { VERSION } from './version.js';
