/**
 * Imported first by every browser entry (the page and its workers): zod parses without compiling
 * code. Its JIT probe runs `new Function`, which the Content-Security-Policy refuses, and the
 * browser reports that refusal as a violation even though zod catches it.
 */
import { z } from 'zod';

z.config({ jitless: true });
