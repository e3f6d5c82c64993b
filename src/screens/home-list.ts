// The home screen's list, with each workshop's progress: loaded with the database code, after the
// first screen has shown (the framework's text and the progress rules are not in the first download).
import { listWorkshops, type WorkshopList } from '../data/workshops.ts';
import { workshopProgress } from '../domain/progress.ts';
import { getFramework } from '../framework/frameworks.ts';

export type HomeRow = WorkshopList['shown'][number] & { progress: ReturnType<typeof workshopProgress> };

/** The newest `limit` workshops, each with how many outcomes its groups have scored, and how many there are in all. */
export async function listHome(limit: number): Promise<{ total: number; rows: HomeRow[] }> {
  const { total, shown } = await listWorkshops(limit);
  const rows = shown.map((summary) => {
    const outcomeIds = getFramework(summary.workshop.frameworkId)?.outcomes.map((o) => o.id) ?? [];
    return { ...summary, progress: workshopProgress(summary.groups, summary.ratings, outcomeIds) };
  });
  return { total, rows };
}
