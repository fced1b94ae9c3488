import type { DateMention, Entity, Event, Place, Quote } from "./annotations.ts";
import type { Document } from "./document.ts";
import type { Message } from "./message.ts";
import type { Span } from "./span.ts";

/** One annotated document: DESIGN.md's output contract, the line `dateline extract` prints. */
export interface AnnotatedDocument {
  id: string;
  published: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  language: string;
  text: string;
  sentences: Span[];
  entities: Entity[];
  dates: DateMention[];
  places: Place[];
  events: Event[];
  quotes: Quote[];
  messages: Message[];
}

/** The contract's object for a document, keys in the contract's order. */
export function toAnnotated(doc: Document): AnnotatedDocument {
  return {
    id: doc.id,
    published: doc.published,
    title: doc.title,
    url: doc.url,
    source: doc.source,
    language: doc.language,
    text: doc.hasText ? doc.text : "",
    sentences: doc.sentences.map(({ start, end }) => ({ start, end })),
    entities: doc.entities,
    dates: doc.dates,
    places: doc.places,
    events: doc.events,
    quotes: doc.quotes,
    messages: doc.messages,
  };
}
