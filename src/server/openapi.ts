/**
 * The OpenAPI 3.1 document served at `/openapi.json`, built from the route table so the
 * two cannot drift: every route and every parameter it accepts is listed (a test checks).
 */

import { storySorts } from "../store/index.ts";
import { routes } from "./api.ts";
import { eventSorts, eventTypes, maxPageSize, quads } from "./params.ts";

type Schema = Record<string, unknown>;

const parameterDocs: Record<string, { description: string; schema: Schema }> = {
  since: {
    description: "On or after this day (the event's date interval overlaps).",
    schema: { type: "string", format: "date" },
  },
  until: { description: "On or before this day.", schema: { type: "string", format: "date" } },
  type: {
    description: "PLOVER event type; several comma-separated match any of them.",
    schema: { type: "string", examples: ["ASSAULT", "PROTEST,MOBILIZE"] },
  },
  quad: { description: "Quad class.", schema: { type: "string", enum: quads } },
  country: {
    description:
      "ISO 3166-1: alpha-3 matches the actor's or recipient's country, alpha-2 the place's.",
    schema: { type: "string", pattern: "^[A-Za-z]{2,3}$" },
  },
  actor: {
    description: "Case-insensitive substring of the actor's or recipient's name.",
    schema: { type: "string" },
  },
  place: {
    description: "Case-insensitive substring of the resolved place name.",
    schema: { type: "string" },
  },
  bbox: {
    description: "west,south,east,north in degrees (WGS84); west > east crosses the antimeridian.",
    schema: { type: "string", examples: ["38,29,49,38"] },
  },
  q: {
    description: 'Full-text query (FTS5: words, "phrases", AND, OR, NOT, prefix*).',
    schema: { type: "string" },
  },
  article: {
    description: "Only events of this article id (merged events: with a mention in it).",
    schema: { type: "string" },
  },
  story: {
    description: "Only events of the articles of this story (`/api/stories`).",
    schema: { type: "integer", minimum: 0 },
  },
  page: {
    description: "1-based page; past the last page is a 400.",
    schema: { type: "integer", minimum: 1 },
  },
  pageSize: {
    description: "Results per page.",
    schema: { type: "integer", minimum: 1, maximum: maxPageSize, default: 50 },
  },
  sort: {
    description: "Order of the events.",
    schema: { type: "string", enum: eventSorts, default: "date" },
  },
  limit: {
    description: "At most this many rows.",
    schema: { type: "integer", minimum: 1, maximum: 1000 },
  },
  minArticles: {
    description: "At least this many articles.",
    schema: { type: "integer", minimum: 1 },
  },
  source: { description: "Exact source name.", schema: { type: "string" } },
};

/** Where a parameter means something else on one route than on the others. */
const routeParameterDocs: Record<string, typeof parameterDocs> = {
  "/api/stories": {
    since: {
      description: "Stories with an article published on or after this day.",
      schema: { type: "string", format: "date" },
    },
    until: {
      description: "Stories with an article published on or before this day.",
      schema: { type: "string", format: "date" },
    },
    q: {
      description:
        'Stories with an article whose title or text matches (FTS5: words, "phrases", AND, OR, NOT, prefix*).',
      schema: { type: "string" },
    },
    sort: {
      description: "recent: latest article first; size: most articles first.",
      schema: { type: "string", enum: storySorts, default: "recent" },
    },
  },
};

const summaries: Record<string, string> = {
  "/api/stats":
    "Counts of articles, annotations by kind, events by type, messages by rule, and of stories, reprints and merged events; the settings the store clusters stories with and the rule it merges events with (stories.settings, stories.mergeRule; null before its first story pass), as `dateline stats --json` gives them",
  "/api/events": "Events (one per article mention), filtered, sorted and paged",
  "/api/events/{article}/{index}":
    "One event with its evidence: the article text around it and the spans of trigger, actor, recipient, place and date; its merged event with every mention",
  "/api/map": "Located events grouped by place: mentions, distinct events and types",
  "/api/timeline": "Event counts by day and type",
  "/api/actor-pairs": "Who acts on whom: actor → recipient pairs by count and quad",
  "/api/actors": "Actors of events with their counts as actor and as recipient",
  "/api/entities": "Named entities by mentions",
  "/api/articles": "Stored articles by publication date",
  "/api/articles/{id}": "One article: the annotated document of the output contract, its origins",
  "/api/search": "Full-text search over article titles and text, best first, with snippets",
  "/api/stories": "Story clusters (issue 9), most recently active first",
  "/api/stories/{id}": "The articles of one story, with their duplicate links",
  "/api/merged-events": "Events merged across articles, with mention, article and source counts",
  "/api/merged-events/{id}": "One merged event with every mention and its evidence",
};

const errorSchema: Schema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "code", "message"],
      properties: {
        status: { type: "integer" },
        code: {
          type: "string",
          examples: ["unknown_parameter", "bad_date", "bad_bbox", "page_out_of_range", "not_found"],
        },
        message: { type: "string" },
        parameter: { type: "string" },
      },
    },
  },
};

const ref = (name: string): Schema => ({ $ref: `#/components/schemas/${name}` });
const nullable = (schema: Schema): Schema => ({ anyOf: [schema, { type: "null" }] });
const span: Schema = {
  type: "object",
  description: "Half-open UTF-16 offsets into the article text, and the text they cover",
  required: ["start", "end", "text"],
  properties: { start: { type: "integer" }, end: { type: "integer" }, text: { type: "string" } },
};
const paged = (item: Schema): Schema => ({
  type: "object",
  required: ["total", "page", "pageSize", "pages", "items"],
  properties: {
    total: { type: "integer" },
    page: { type: "integer" },
    pageSize: { type: "integer" },
    pages: { type: "integer" },
    items: { type: "array", items: item },
  },
});

/** The shapes of the main answers; the rest are described by their summaries. */
const components: Record<string, Schema> = {
  Span: span,
  Argument: {
    description: "An actor or recipient: where the text says it, and its code",
    allOf: [
      ref("Span"),
      {
        type: "object",
        properties: {
          name: { type: "string" },
          country: nullable({ type: "string", description: "ISO 3166-1 alpha-3" }),
          sector: nullable({
            type: "string",
            description: "PLOVER sector (GOV, MIL, REB, CVL, …)",
          }),
        },
      },
    ],
  },
  MergedArgument: {
    type: "object",
    description: "An actor or recipient of a merged event: the first one its reports name",
    properties: {
      name: { type: "string" },
      country: nullable({ type: "string", description: "ISO 3166-1 alpha-3" }),
      sector: nullable({ type: "string" }),
      person: { type: "boolean", description: "A named person (a PERSON entity)" },
    },
  },
  Event: {
    type: "object",
    description: "An event of DESIGN.md's output contract",
    required: ["id", "type", "quad", "trigger", "evidence", "confidence", "coder"],
    properties: {
      id: { type: "string" },
      type: { type: "string", enum: eventTypes },
      mode: nullable({ type: "string" }),
      quad: { type: "string", enum: quads },
      trigger: ref("Span"),
      actor: nullable(ref("Argument")),
      recipient: nullable(ref("Argument")),
      location: nullable({
        type: "object",
        description: "A place: GeoNames id, name, country (alpha-2), lat/lon in degrees, precision",
      }),
      date: nullable({
        type: "object",
        description: "A date: value, grain, earliest and latest (ISO dates)",
      }),
      dead: nullable({ type: "integer" }),
      injured: nullable({ type: "integer" }),
      arrested: nullable({ type: "integer" }),
      size: nullable({ type: "integer" }),
      negated: { type: "boolean" },
      hypothetical: { type: "boolean" },
      evidence: {
        type: "object",
        properties: {
          sentence: { type: "integer" },
          start: { type: "integer" },
          end: { type: "integer" },
        },
      },
      confidence: { type: "number", minimum: 0, maximum: 1 },
      coder: { type: "string" },
    },
  },
  StoredEvent: {
    type: "object",
    required: ["articleId", "index", "event", "evidenceText", "article", "day", "merged"],
    properties: {
      articleId: { type: "string" },
      index: { type: "integer", description: "Position of the event in its article" },
      event: ref("Event"),
      evidenceText: { type: "string" },
      article: {
        type: "object",
        properties: {
          published: nullable({ type: "string" }),
          title: nullable({ type: "string" }),
          url: nullable({ type: "string" }),
          source: nullable({ type: "string" }),
        },
      },
      day: nullable({ type: "string", format: "date" }),
      merged: nullable({
        type: "object",
        description: "The event merged across articles this one is a mention of",
        properties: {
          id: { type: "string" },
          numMentions: { type: "integer", description: "Mentions, reprints not counted" },
          numArticles: { type: "integer", description: "Articles, reprints not counted" },
          numSources: { type: "integer", description: "Distinct sources of those articles" },
          actor: nullable(ref("MergedArgument")),
          recipient: nullable(ref("MergedArgument")),
          location: nullable({
            type: "object",
            description:
              "The most precise place a report gives: GeoNames id, name, country (alpha-2), admin1 (name; absent in stores made before it was kept), lat/lon, precision",
          }),
          earliest: {
            type: "string",
            description:
              "First day the reports agree the event may fall on (ISO date; '' when none)",
          },
          latest: {
            type: "string",
            description: "Last such day; equal to earliest when the reports agree on one day",
          },
        },
      }),
    },
  },
};

const responseSchemas: Record<string, Schema> = {
  "/api/events": paged(ref("StoredEvent")),
  "/api/events/{article}/{index}": {
    allOf: [
      ref("StoredEvent"),
      {
        type: "object",
        properties: {
          evidence: {
            type: "object",
            properties: {
              start: { type: "integer" },
              end: { type: "integer" },
              text: { type: "string" },
              context: {
                type: "object",
                properties: {
                  start: { type: "integer" },
                  end: { type: "integer" },
                  text: { type: "string" },
                  whole: { type: "boolean" },
                },
              },
              highlights: {
                type: "array",
                items: {
                  allOf: [
                    ref("Span"),
                    {
                      type: "object",
                      properties: {
                        role: { enum: ["trigger", "actor", "recipient", "place", "date"] },
                      },
                    },
                  ],
                },
              },
            },
          },
          mergedEvent: nullable({ type: "object" }),
        },
      },
    ],
  },
  "/api/map": {
    type: "object",
    properties: {
      points: {
        type: "array",
        items: {
          type: "object",
          properties: {
            lat: { type: "number" },
            lon: { type: "number" },
            name: { type: "string" },
            geonameId: nullable({ type: "integer" }),
            countryCode: nullable({ type: "string" }),
            mentions: { type: "integer" },
            events: { type: "integer" },
            types: { type: "object", additionalProperties: { type: "integer" } },
          },
        },
      },
    },
  },
  "/api/timeline": {
    type: "object",
    properties: {
      counts: {
        type: "array",
        items: {
          type: "object",
          properties: {
            day: { type: "string", format: "date" },
            type: { type: "string", enum: eventTypes },
            count: { type: "integer" },
          },
        },
      },
    },
  },
};

export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    const queryParams = route.params.map((name) => {
      const doc = routeParameterDocs[route.path]?.[name] ?? parameterDocs[name];
      const schema =
        name === "type" && route.path === "/api/merged-events"
          ? { type: "string", enum: eventTypes }
          : (doc?.schema ?? { type: "string" });
      return {
        name,
        in: "query",
        required: name === "q" && route.path === "/api/search",
        description: doc?.description ?? name,
        schema,
      };
    });
    paths[path] = {
      get: {
        summary: summaries[path] ?? path,
        parameters: [...pathParams, ...queryParams],
        responses: {
          "200": {
            description: "OK",
            content: {
              "application/json": { schema: responseSchemas[path] ?? { type: "object" } },
            },
          },
          "400": {
            description: "A bad or unknown parameter",
            content: { "application/json": { schema: errorSchema } },
          },
          "404": {
            description: "Not found",
            content: { "application/json": { schema: errorSchema } },
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Dateline API",
      version: "1",
      description:
        "Read-only access to a Dateline store: events with their evidence, articles, actors, entities, stories. " +
        "Spans are half-open UTF-16 offsets into the article's cleaned text. Unknown parameters are 400s.",
    },
    paths,
    components: { schemas: components },
  };
}
