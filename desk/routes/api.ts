import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { fingerprintText, shortCode } from '@/lib/approvals/fingerprint';
import { SubmissionRequestBodySchema } from '@/lib/approvals/submission';
import { describeSchemaError } from '@/lib/library/schema';
import type { DeskConfig, DeskEnv } from '../context';
import { receiveSubmission } from '../store/submissions';
import { countAndIdentify } from '../store/tokens';

/** Extension pages and service workers: Chrome/Edge and Firefox origins, nothing else. */
export const EXTENSION_ORIGIN = /^(chrome-extension|moz-extension):\/\/[a-z0-9-]+$/i;

const MAX_BODY_BYTES = 2 * 1024 * 1024;

/**
 * The first steps of every agency API call (docs/desk.md): the bearer token, counted against its
 * per-minute limit (shared by all /api/ calls of the token), then the JSON body. A Response is the
 * refusal to send back as it is.
 */
export async function authenticateAgency(
  c: Context<DeskEnv>,
  config: DeskConfig,
): Promise<Response | { agencyId: string; raw: unknown }> {
  const perMinute = config.submissionsPerMinute ?? 600;
  const token = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  if (!token) {
    c.header('WWW-Authenticate', 'Bearer');
    return c.json({ error: 'missing Authorization: Bearer <agency token>' }, 401);
  }
  const at = (config.now ?? (() => new Date()))().getTime();
  const { agencyId, hits } = await countAndIdentify(config.db, token, 60_000, at);
  if (hits > perMinute) {
    c.header('Retry-After', String(Math.ceil((60_000 - (at % 60_000)) / 1000)));
    return c.json(
      { error: `more than ${perMinute} submissions a minute from this token; try again later` },
      429,
    );
  }
  if (!agencyId) {
    c.header('WWW-Authenticate', 'Bearer error="invalid_token"');
    return c.json({ error: 'unknown or revoked agency token' }, 401);
  }
  try {
    return { agencyId, raw: await c.req.json() };
  } catch {
    return c.json({ error: 'the body is not JSON' }, 400);
  }
}

/** `POST /api/submissions` (docs/desk.md): the extension's outbox delivers here. */
export function mountApi(app: Hono<DeskEnv>, config: DeskConfig): void {
  app.use(
    '/api/*',
    cors({
      origin: (origin) => (EXTENSION_ORIGIN.test(origin) ? origin : null),
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['authorization', 'content-type', 'idempotency-key'],
      maxAge: 600,
    }),
  );
  app.post(
    '/api/submissions',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) => c.json({ error: `the body is larger than ${MAX_BODY_BYTES} bytes` }, 413),
    }),
    async (c) => {
      const caller = await authenticateAgency(c, config);
      if (caller instanceof Response) return caller;
      const { agencyId, raw } = caller;
      const parsed = SubmissionRequestBodySchema.safeParse(raw);
      if (!parsed.success) {
        const { path, message } = describeSchemaError(parsed.error);
        return c.json({ error: `${path}: ${message}` }, 400);
      }
      const body = parsed.data;
      // The fingerprint is what an approval is bound to: it must be the text's, or an approval
      // granted here would cover a text nobody reviewed.
      if ((await fingerprintText(body.text)) !== body.fingerprint) {
        return c.json({ error: 'fingerprint: does not match the text' }, 400);
      }
      if (shortCode(body.fingerprint) !== body.shortCode) {
        return c.json({ error: 'shortCode: does not match the fingerprint' }, 400);
      }
      if (body.agencyId !== null && body.agencyId !== agencyId) {
        return c.json({ error: `agencyId: this token is for agency ${agencyId}` }, 403);
      }
      const key = c.req.header('idempotency-key')?.slice(0, 200) ?? null;
      const outcome = await receiveSubmission(config.db, agencyId, body, key);
      if (outcome.kind === 'conflict') return c.json({ error: `id: ${outcome.error}` }, 409);
      return c.json({ id: outcome.id, status: outcome.status }, outcome.kind === 'created' ? 201 : 200);
    },
  );
}
