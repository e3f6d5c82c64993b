import type { Workshop } from './types.ts';

/** True while a private-scoring workshop's scores are still hidden: no screen may show a group's scores. */
export function scoresHidden(workshop: Pick<Workshop, 'privateScoring' | 'revealedAt'>): boolean {
  return workshop.privateScoring && workshop.revealedAt === null;
}
