import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// n8n-core's InstanceSettings writes an encryption key under the user folder the first time it is
// read. Point it at a throwaway folder before n8n-core is loaded, so tests never touch ~/.n8n.
process.env.N8N_USER_FOLDER ??= mkdtempSync(join(tmpdir(), 'canvelete-n8n-'));
process.env.N8N_ENCRYPTION_KEY ??= 'canvelete-harness-encryption-key';
process.env.N8N_DIAGNOSTICS_ENABLED ??= 'false';
