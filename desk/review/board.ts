import { endOf, startOf } from '@/lib/guidelines/validity';
import type { DoneRow, PublishedTeam } from '../store/bigteam';
import { WEEKS } from '../store/bigteam';

/**
 * The amplification board (docs/big-team.md), computed from the published requests, the done
 * reports and each agency's weekly activity. Pure: the page and the CSV export render it.
 */
export interface BoardShare {
  agencyId: string;
  agencyName: string;
  platforms: string[];
  /** The first report of this agency for the request. */
  firstAt: Date;
  links: string[];
}

export interface BoardRequest {
  id: string;
  title: string;
  from: string;
  until: string;
  priority: string;
  state: 'upcoming' | 'running' | 'ended';
  /** Agencies asked (all of the library's when the request names none). */
  asked: number;
  shares: BoardShare[];
}

export interface BoardAgency {
  id: string;
  name: string;
  /** Requests for this agency that have started, and how many of them it shared. */
  asked: number;
  shared: number;
  /** Activity (done reports + submissions) per week, oldest first, the current week last. */
  weeks: number[];
  /** Weeks with any activity, of WEEKS. */
  activeWeeks: number;
}

export interface Board {
  requests: BoardRequest[];
  agencies: BoardAgency[];
}

export function shareRate(agency: Pick<BoardAgency, 'asked' | 'shared'>): number | null {
  return agency.asked ? agency.shared / agency.asked : null;
}

export function buildBoard(
  team: PublishedTeam | null,
  done: readonly DoneRow[],
  activity: ReadonlyMap<string, number[]>,
  now: Date,
): Board {
  const agencies = team?.agencies ?? [];
  const nameOf = new Map(agencies.map((agency) => [agency.id, agency.shortName]));
  const time = now.getTime();
  const requests: BoardRequest[] = (team?.requests ?? []).map((request) => {
    const byAgency = new Map<string, BoardShare>();
    for (const row of done) {
      if (row.requestId !== request.id) continue;
      const share = byAgency.get(row.agencyId) ?? {
        agencyId: row.agencyId,
        agencyName: nameOf.get(row.agencyId) ?? row.agencyId,
        platforms: [],
        firstAt: row.doneAt,
        links: [],
      };
      if (!share.platforms.includes(row.platform)) share.platforms.push(row.platform);
      if (row.link) share.links.push(row.link);
      if (row.doneAt < share.firstAt) share.firstAt = row.doneAt;
      byAgency.set(row.agencyId, share);
    }
    return {
      id: request.id,
      title: request.title,
      from: request.from,
      until: request.until,
      priority: request.priority,
      state: time < startOf(request.from) ? 'upcoming' : time > endOf(request.until) ? 'ended' : 'running',
      asked: request.agencies.length || agencies.length,
      shares: [...byAgency.values()].sort((a, b) => a.firstAt.getTime() - b.firstAt.getTime()),
    };
  });
  const started = requests.filter((request) => request.state !== 'upcoming');
  const board: BoardAgency[] = agencies.map((agency) => {
    const asked = started.filter((request) => {
      const source = team?.requests.find((candidate) => candidate.id === request.id);
      return !source?.agencies.length || source.agencies.includes(agency.id);
    });
    const weeks = [...(activity.get(agency.id) ?? Array.from({ length: WEEKS }, () => 0))].reverse();
    return {
      id: agency.id,
      name: agency.shortName,
      asked: asked.length,
      shared: asked.filter((request) => request.shares.some((share) => share.agencyId === agency.id)).length,
      weeks,
      activeWeeks: weeks.filter((count) => count > 0).length,
    };
  });
  return { requests, agencies: board };
}
