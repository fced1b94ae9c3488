import type { Boundary } from "../boundary.ts";

/**
 * One sentence-boundary rule. `decide` returns true (a sentence ends here), false (it does
 * not), or undefined (no opinion: the next rule in the list decides).
 */
export interface SentenceRule {
  readonly name: string;
  decide(b: Boundary): boolean | undefined;
}
