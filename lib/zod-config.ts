import { z } from 'zod';

/**
 * Extension pages and the service worker run under a CSP without eval: tell zod not to compile
 * parsers with `new Function` (it would only probe, fail and fall back — but reviewers and the CSP
 * log see the attempt). Imported first by the entry points that parse with zod.
 */
z.config({ jitless: true });
