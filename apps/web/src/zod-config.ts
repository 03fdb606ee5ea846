/**
 * Zod without its `new Function` probe: our Content-Security-Policy has no 'unsafe-eval', so the probe is refused and
 * logs a violation for each object schema built. main.tsx imports this first, before any schema exists.
 */
import { z } from 'zod';

z.config({ jitless: true });
