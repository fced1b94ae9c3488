import type { DateMention, Entity, Event, Place, Quote, Token } from "./annotations.ts";
import type { Message } from "./message.ts";
import { OffsetMap } from "./offset-map.ts";
import type { Span } from "./span.ts";

/** What a reader hands to the pipeline: the raw input and the metadata it could find. */
export interface SourceDocument {
  /** Id given by the input; otherwise the document's id is a hash of its content. */
  id?: string;
  /** The raw body, before cleaning. */
  raw: string;
  /** `text` for plain text, `html` for markup still to be read. */
  format: "text" | "html";
  /** Publication date, `YYYY-MM-DD`, the reference for relative dates. */
  published?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  byline?: string | null;
  /** Where it came from: a path, `path:line` for JSON lines, `stdin:line`. */
  origin: string;
  /** Messages the reader raised (a header repaired, a field ignored). */
  messages?: Message[];
}

/**
 * One article as it flows through the per-article stages. `text` is set once, by `clean`;
 * every later finding is a span into it.
 */
export class Document {
  id: string;
  published: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  byline: string | null;
  language = "en";
  readonly origin: string;
  readonly raw: string;
  readonly format: "text" | "html";

  private cleanText: string | undefined;
  private cleanMap: OffsetMap | undefined;

  tokens: Token[] = [];
  sentences: Span[] = [];
  entities: Entity[] = [];
  dates: DateMention[] = [];
  places: Place[] = [];
  events: Event[] = [];
  quotes: Quote[] = [];
  messages: Message[] = [];

  constructor(source: SourceDocument) {
    this.id = source.id ?? "";
    this.raw = source.raw;
    this.format = source.format;
    this.origin = source.origin;
    this.published = source.published ?? null;
    this.title = source.title ?? null;
    this.url = source.url ?? null;
    this.source = source.source ?? null;
    this.byline = source.byline ?? null;
    if (source.messages) this.messages.push(...source.messages);
  }

  /** The cleaned text. Reading it before `clean` ran is a bug in the pipeline. */
  get text(): string {
    if (this.cleanText === undefined) {
      throw new Error(`document ${this.origin}: text read before the clean stage set it`);
    }
    return this.cleanText;
  }

  get hasText(): boolean {
    return this.cleanText !== undefined;
  }

  /** Offsets of the cleaned text back into `raw`. */
  get offsetMap(): OffsetMap {
    return this.cleanMap ?? OffsetMap.identity(this.text.length);
  }

  /** Set the cleaned text; only once, since every later span points into it. */
  setText(text: string, map: OffsetMap): void {
    if (this.cleanText !== undefined) {
      throw new Error(`document ${this.origin}: text is set once, by clean`);
    }
    this.cleanText = text;
    this.cleanMap = map;
  }
}
