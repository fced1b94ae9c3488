/** Shapes of the API's answers that the UI reads (see /openapi.json). */
import type { Event } from "../../src/core/annotations.ts";
import type {
  ActorPair,
  ArticleHit,
  EventPoint,
  ExploredEvent,
  TimelineCount,
} from "../../src/store/explore-types.ts";

import type { StoryArticle, StorySummary } from "../../src/store/story-types.ts";

export type {
  ActorPair,
  ArticleHit,
  Event,
  EventPoint,
  ExploredEvent,
  StoryArticle,
  StorySummary,
  TimelineCount,
};

export interface EventsPage {
  total: number;
  page: number;
  pageSize: number;
  pages: number;
  items: ExploredEvent[];
}

export type Role = "trigger" | "actor" | "recipient" | "place" | "date";

export interface Highlight {
  role: Role;
  start: number;
  end: number;
  text: string;
}

export interface MergedMention {
  articleId: string;
  index: number;
  source: string | null;
  published: string | null;
  evidenceText?: string;
  duplicateOf: string | null;
}

export interface EventDetail extends ExploredEvent {
  evidence: {
    start: number;
    end: number;
    text: string;
    context: { start: number; end: number; text: string; whole: boolean };
    highlights: Highlight[];
  };
  mergedEvent: {
    id: string;
    numMentions: number;
    numArticles: number;
    numSources: number;
    mentions: MergedMention[];
  } | null;
}
