import type { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { FINGERPRINT_PATTERN } from '@/lib/approvals/fingerprint';
import { describeSchemaError } from '@/lib/library/schema';
import { PLATFORM_IDS } from '@/lib/platforms/types';
import type { DeskConfig, DeskEnv } from '../context';
import { publishedTeam, recordCommitment, recordDone } from '../store/bigteam';
import { authenticateAgency } from './api';

const MAX_BODY_BYTES = 16 * 1024;

const DateTime = z.iso.datetime({ offset: true });

/** What the extension's desk outbox sends (lib/bigteam/service.ts); docs/desk.md. */
export const DoneReportSchema = z.object({
  fingerprint: z.string().regex(FINGERPRINT_PATTERN, '64 lowercase hexadecimal digits'),
  platform: z.enum(PLATFORM_IDS),
  at: DateTime,
  via: z.enum(['post-button', 'marked']),
  link: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
});

export const CommitmentReportSchema = z.object({
  version: z.string().min(1).max(100),
  adminName: z.string().trim().min(1).max(120),
  at: DateTime,
});

const limit = () =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.json({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
  });

/** `POST /api/requests/<id>/done` and `POST /api/commitments`, with the submissions' token, limit and CORS. */
export function mountBigTeamApi(app: Hono<DeskEnv>, config: DeskConfig): void {
  app.post('/api/requests/:id/done', limit(), async (c) => {
    const caller = await authenticateAgency(c, config);
    if (caller instanceof Response) return caller;
    const parsed = DoneReportSchema.safeParse(caller.raw);
    if (!parsed.success) {
      const { path, message } = describeSchemaError(parsed.error);
      return c.json({ error: `${path}: ${message}` }, 400);
    }
    const requestId = c.req.param('id');
    const team = await publishedTeam(config.db, config.libraryId);
    const request = team?.requests.find((candidate) => candidate.id === requestId);
    if (!request) return c.json({ error: `no published request ${requestId}` }, 404);
    if (request.agencies.length && !request.agencies.includes(caller.agencyId))
      return c.json({ error: `request ${requestId} is not for agency ${caller.agencyId}` }, 403);
    const outcome = await recordDone(config.db, caller.agencyId, requestId, parsed.data);
    return c.json(
      { requestId, agencyId: caller.agencyId, platform: parsed.data.platform },
      outcome === 'created' ? 201 : 200,
    );
  });

  app.post('/api/commitments', limit(), async (c) => {
    const caller = await authenticateAgency(c, config);
    if (caller instanceof Response) return caller;
    const parsed = CommitmentReportSchema.safeParse(caller.raw);
    if (!parsed.success) {
      const { path, message } = describeSchemaError(parsed.error);
      return c.json({ error: `${path}: ${message}` }, 400);
    }
    const outcome = await recordCommitment(config.db, caller.agencyId, parsed.data);
    return c.json(
      { agencyId: caller.agencyId, version: parsed.data.version },
      outcome === 'created' ? 201 : 200,
    );
  });
}
