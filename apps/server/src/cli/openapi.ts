/** Writes the API's OpenAPI document (as served at /api/openapi.json) to a file or stdout, for linting and clients. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { buildApp } from '../app';
import { defaultConfig } from '../platform/config';
import { openDatabase } from '../platform/db';

const out = process.argv[process.argv.indexOf('--out') + 1];
const database = await openDatabase('memory://');
const app = await buildApp({ database, config: { ...defaultConfig, webDist: null }, logger: false });
const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).body;
await app.close();
await database.close();
if (process.argv.includes('--out') && out) {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, doc);
} else process.stdout.write(doc);
