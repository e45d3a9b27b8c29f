import type { Hono } from 'hono';
import type { DeskConfig, DeskEnv } from '../context';
import { type Board, buildBoard, shareRate } from '../review/board';
import { csvField } from '../store/audit';
import { listCommitments, listDone, publishedTeam, WEEKS, weeklyActivity } from '../store/bigteam';
import { boardPage } from '../views/board';
import { boardTranslator } from '../views/board-messages';
import { pageContext } from './session';

function csv(rows: readonly (readonly (string | number)[])[]): string {
  return `${rows.map((row) => row.map((cell) => csvField(String(cell))).join(',')).join('\r\n')}\r\n`;
}

/** One row per agency that shared a request (the board's first table). */
export function sharesCsv(board: Board): string {
  const rows: (string | number)[][] = [
    ['request_id', 'request_title', 'agency_id', 'agency', 'platforms', 'first_shared_at', 'links'],
  ];
  for (const request of board.requests) {
    for (const share of request.shares) {
      rows.push([
        request.id,
        request.title,
        share.agencyId,
        share.agencyName,
        share.platforms.join(' '),
        share.firstAt.toISOString(),
        share.links.join(' '),
      ]);
    }
  }
  return csv(rows);
}

/** One row per agency: share rate and activity per week (oldest first). */
export function agenciesCsv(board: Board): string {
  const weeks = Array.from({ length: WEEKS }, (_, index) => `week_minus_${WEEKS - 1 - index}`);
  const rows: (string | number)[][] = [
    ['agency_id', 'agency', 'requests_asked', 'requests_shared', 'share_rate', 'active_weeks', ...weeks],
  ];
  for (const agency of board.agencies) {
    const rate = shareRate(agency);
    rows.push([
      agency.id,
      agency.name,
      agency.asked,
      agency.shared,
      rate === null ? '' : rate.toFixed(2),
      agency.activeWeeks,
      ...agency.weeks,
    ]);
  }
  return csv(rows);
}

/** The amplification board and its CSV exports (every signed-in role may read them). */
export function mountBoard(app: Hono<DeskEnv>, config: DeskConfig): void {
  const now = config.now ?? (() => new Date());

  async function load(): Promise<Board> {
    const at = now();
    const [team, done, activity] = await Promise.all([
      publishedTeam(config.db, config.libraryId),
      listDone(config.db),
      weeklyActivity(config.db, at),
    ]);
    return buildBoard(team, done, activity, at);
  }

  app.get('/review/board', async (c) => {
    const ctx = pageContext(c);
    const [board, commitments] = await Promise.all([load(), listCommitments(config.db)]);
    const canEdit = c.get('user').role !== 'reviewer';
    const saved = c.req.query('done') === 'request-saved';
    return c.html(boardPage(ctx, boardTranslator(ctx.lang), board, commitments, canEdit, saved));
  });

  app.get('/review/board.csv', async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="satu-pintu-amplifikasi.csv"');
    return c.body(sharesCsv(await load()));
  });

  app.get('/review/board-agencies.csv', async (c) => {
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', 'attachment; filename="satu-pintu-perangkat-daerah.csv"');
    return c.body(agenciesCsv(await load()));
  });
}
