import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import type { DeskConfig, DeskEnv } from './context';
import { mountApi } from './routes/api';
import { mountBigTeamApi } from './routes/bigteam-api';
import { mountBoard } from './routes/board';
import { mountBoardRequests } from './routes/board-requests';
import { mountEditor } from './routes/editor';
import { mountLibrary } from './routes/library';
import { mountReview } from './routes/review';
import { languageMiddleware, mountLogin, requireSession, sameOriginPosts } from './routes/session';
import { DESK_CSS } from './views/layout';

/** The desk as a web-standard fetch handler (Hono): Node serves it in main.ts, tests call it directly. */
export function createDeskApp(config: DeskConfig): Hono<DeskEnv> {
  const app = new Hono<DeskEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'none'"],
      },
      referrerPolicy: 'same-origin',
      crossOriginResourcePolicy: false,
    }),
  );
  app.use('*', languageMiddleware());
  app.get('/', (c) => c.redirect('/review', 303));
  app.get('/healthz', (c) => c.json({ ok: true }));
  app.get('/desk.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'max-age=3600');
    return c.body(DESK_CSS);
  });
  mountApi(app, config);
  mountBigTeamApi(app, config);
  mountLibrary(app, config);
  app.use('/review', sameOriginPosts(), requireSession(config));
  app.use('/review/*', sameOriginPosts(), requireSession(config));
  mountLogin(app, config);
  mountReview(app, config);
  mountEditor(app, config);
  mountBoard(app, config);
  mountBoardRequests(app, config);
  app.onError((error, c) => {
    console.error(
      `desk: ${c.req.method} ${c.req.path}: ${error instanceof Error ? error.stack : String(error)}`,
    );
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
