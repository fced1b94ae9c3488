import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Entity, Event, Quote } from "../../core/annotations.ts";
import { Document } from "../../core/document.ts";
import { OffsetMap } from "../../core/offset-map.ts";
import type { Span } from "../../core/span.ts";
import { tokenize } from "../segment/tokenize.ts";
import { quotesStage } from "./index.ts";

const stage = quotesStage();

/** A document with hand-made sentences (split after . ! ? and at paragraph breaks). */
function analyse(text: string, people: string[] = [], events: Event[] = []): Document {
  const doc = new Document({ raw: text, format: "text", origin: "test" });
  doc.setText(text, OffsetMap.identity(text.length));
  doc.tokens = tokenize(text);
  const sentences: Span[] = [];
  const re = /[^\n]+?(?:(?<!\b\p{Lu})[.!?]["”]?(?=\s|$)|$)/gmu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    if (m[0].trim()) sentences.push({ start, end: m.index + m[0].trimEnd().length });
    if (m[0].length === 0) re.lastIndex++;
  }
  doc.sentences = sentences;
  const entities: Entity[] = [];
  for (const name of people) {
    for (let i = text.indexOf(name); i !== -1; i = text.indexOf(name, i + name.length)) {
      entities.push({
        start: i,
        end: i + name.length,
        text: name,
        type: "PERSON",
        actor: { name, country: null, sector: null },
      });
    }
  }
  doc.entities = entities.sort((a, b) => a.start - b.start);
  doc.events = events;
  stage.run(doc, { referenceDate: null, options: {}, report() {} });
  return doc;
}

function summary(q: Quote, doc: Document) {
  const entity = q.speaker?.entity === undefined ? null : doc.entities[q.speaker.entity]?.text;
  return {
    text: q.text,
    direct: q.direct,
    speaker: q.speaker?.text ?? null,
    entity,
    cue: q.cue?.text ?? null,
  };
}

describe("quotes: direct speech", () => {
  const rows: [string, string, string[], ReturnType<typeof summary>[]][] = [
    [
      "speaker after, `X said`",
      '"The department is working closely with our allies," Esper said in a statement.',
      ["Esper"],
      [
        {
          text: "The department is working closely with our allies",
          direct: true,
          speaker: "Esper",
          entity: "Esper",
          cue: "said",
        },
      ],
    ],
    [
      "inverted, `said X`",
      '"We will not back down from this fight," said Mark Esper.',
      ["Mark Esper"],
      [
        {
          text: "We will not back down from this fight",
          direct: true,
          speaker: "Mark Esper",
          entity: "Mark Esper",
          cue: "said",
        },
      ],
    ],
    [
      "speaker before, `X said:`",
      'Esper said: "We have taken appropriate measures today."',
      ["Esper"],
      [
        {
          text: "We have taken appropriate measures today.",
          direct: true,
          speaker: "Esper",
          entity: "Esper",
          cue: "said",
        },
      ],
    ],
    [
      "`he continued` resolves to the last speaker, and the quotation after it goes on with the same speech",
      'Mark Esper spoke on Tuesday.\n\n"We are sending additional forces to the embassy," he continued. "As in all countries, we rely on the host country."',
      ["Mark Esper"],
      [
        {
          text: 'We are sending additional forces to the embassy," he continued. "As in all countries, we rely on the host country.',
          direct: true,
          speaker: "he",
          entity: "Mark Esper",
          cue: "continued",
        },
      ],
    ],
    [
      "a quotation run over two paragraphs",
      'Smith said: "The first part of the statement runs here.\n\n"And the second part follows it," she added.',
      ["Smith"],
      [
        {
          text: "The first part of the statement runs here.",
          direct: true,
          speaker: "Smith",
          entity: "Smith",
          cue: "said",
        },
        {
          text: "And the second part follows it",
          direct: true,
          speaker: "she",
          entity: "Smith",
          cue: "added",
        },
      ],
    ],
    [
      "typographic marks",
      "“Nothing has changed on the ground,” the spokesman said.",
      [],
      [
        {
          text: "Nothing has changed on the ground",
          direct: true,
          speaker: "the spokesman",
          entity: null,
          cue: "said",
        },
      ],
    ],
  ];
  for (const [name, text, people, expected] of rows) {
    it(name, () => {
      const doc = analyse(text, people);
      assert.deepEqual(
        doc.quotes.map((q) => summary(q, doc)),
        expected,
      );
    });
  }
});

describe("quotes: pieces of one speech act", () => {
  it("a quote that runs over its attribution gives its pieces without the attribution", () => {
    const doc = analyse(
      'Mark Esper spoke on Tuesday.\n\n"We are sending additional forces to the embassy," he continued. "As in all countries, we rely on the host country."',
      ["Mark Esper"],
    );
    assert.deepEqual(
      doc.quotes.map((q) => q.fragments?.map((f) => [f.text, doc.text.slice(f.start, f.end)])),
      [
        [
          [
            "We are sending additional forces to the embassy",
            "We are sending additional forces to the embassy",
          ],
          [
            "As in all countries, we rely on the host country.",
            "As in all countries, we rely on the host country.",
          ],
        ],
      ],
    );
  });

  it("pieces with no attribution between them are one fragment", () => {
    const doc = analyse(
      'Smith said the plan was "reckless" and "a gift to smugglers" in a speech on Monday.',
      ["Smith"],
    );
    assert.ok(doc.quotes.length > 0);
    for (const q of doc.quotes) assert.equal(q.fragments, undefined, q.text);
  });

  it("a quote of one piece has no fragments", () => {
    const doc = analyse('"The talks have failed," Esper said.', ["Esper"]);
    assert.equal(doc.quotes[0]?.fragments, undefined);
  });
});

describe("quotes: indirect speech", () => {
  const rows: [string, string, ReturnType<typeof summary>[]][] = [
    [
      "`X tweeted that …`",
      "Fox News reporter Lucas Tomlinson tweeted that about 100 additional Marines would be sent to the embassy.",
      [
        {
          text: "about 100 additional Marines would be sent to the embassy",
          direct: false,
          speaker: "Fox News reporter Lucas Tomlinson",
          entity: null,
          cue: "tweeted",
        },
      ],
    ],
    [
      "`…, X said on Tuesday.`",
      "About 100 marines are being sent to the embassy, U.S. officials said on Tuesday.",
      [
        {
          text: "About 100 marines are being sent to the embassy",
          direct: false,
          speaker: "U.S. officials",
          entity: null,
          cue: "said",
        },
      ],
    ],
    [
      "`According to X, …`",
      "According to the Pentagon, the strikes hit five targets overnight.",
      [
        {
          text: "the strikes hit five targets overnight",
          direct: false,
          speaker: "the Pentagon",
          entity: null,
          cue: "According to",
        },
      ],
    ],
    [
      "`…, according to X.`",
      "The strikes hit five targets overnight, according to the Pentagon.",
      [
        {
          text: "The strikes hit five targets overnight",
          direct: false,
          speaker: "the Pentagon",
          entity: null,
          cue: "according to",
        },
      ],
    ],
    [
      "`X told Y that …` skips the listener",
      "A U.S. official told reporters that the helicopters flew a special mission.",
      [
        {
          text: "the helicopters flew a special mission",
          direct: false,
          speaker: "A U.S. official",
          entity: null,
          cue: "told",
        },
      ],
    ],
    [
      "a time between speaker and cue is no part of the speaker",
      "Reince Priebus, the party chairman, this past week announced that the party would publish its convention rules.",
      [
        {
          text: "the party would publish its convention rules",
          direct: false,
          // An apposition belongs to the source, as PolNeAR marks sources.
          speaker: "Reince Priebus, the party chairman",
          entity: null,
          cue: "announced",
        },
      ],
    ],
    [
      "an event reported by officials stays their speech, not the actor's",
      "Rebels attacked an army checkpoint near Mosul on Wednesday, killing three soldiers, Iraqi officials said.",
      [
        {
          text: "Rebels attacked an army checkpoint near Mosul on Wednesday, killing three soldiers",
          direct: false,
          speaker: "Iraqi officials",
          entity: null,
          cue: "said",
        },
      ],
    ],
  ];
  for (const [name, text, expected] of rows) {
    it(name, () => {
      const doc = analyse(text);
      assert.deepEqual(
        doc.quotes.map((q) => summary(q, doc)),
        expected,
      );
    });
  }
});

describe("quotes: anonymity", () => {
  it("marks groups and unnamed sources as anonymous, named people not", () => {
    const doc = analyse(
      "The marines arrived on Tuesday, U.S. officials said. The base was hit, a source familiar with the talks said. The talks failed, Smith said.",
      ["Smith"],
    );
    assert.deepEqual(
      doc.quotes.map((q) => [q.speaker?.text, q.anonymous]),
      [
        ["U.S. officials", true],
        ["a source familiar with the talks", true],
        ["Smith", false],
      ],
    );
  });

  it("takes the phrase before an anonymity aside as the speaker, and nothing inside it as speech", () => {
    const doc = analyse(
      "Two officials, speaking on condition of anonymity because they were not authorised to discuss the talks, said the cabinet was divided.",
    );
    assert.deepEqual(
      doc.quotes.map((q) => [q.text, q.speaker?.text, q.cue?.text, q.anonymous]),
      [["the cabinet was divided", "Two officials", "said", true]],
    );
  });

  it("does not resolve plural `they` to one named person", () => {
    const doc = analyse(
      "Prime Minister Joao Costa spoke to reporters on Monday. Later they said the talks had failed.",
      ["Joao Costa"],
    );
    const quote = doc.quotes.find((q) => q.speaker?.text === "they");
    assert.ok(quote, "the indirect speech of `they` is found");
    assert.equal(quote.speaker?.entity, undefined);
  });

  it("reads `on condition of anonymity` in the sentence", () => {
    const doc = analyse(
      "The Marines come from a task force in the region, Pentagon officials said on condition of anonymity.",
    );
    assert.equal(doc.quotes[0]?.anonymous, true);
  });
});

describe("quotes: traps", () => {
  it("a request for comment is not what a source said", () => {
    const doc = analyse(
      "A spokesman for the ministry did not respond to a request for comment on Friday.",
    );
    assert.deepEqual(doc.quotes, []);
  });

  it("scare quotes around a word or two are not speech", () => {
    const doc = analyse('Critics dismissed the "deal" as a stunt on Monday.');
    assert.deepEqual(
      doc.quotes.filter((q) => q.direct),
      [],
    );
  });

  it("a quoted title is not speech", () => {
    const doc = analyse('The museum showed "Gone With the Wind" to a full house on Friday.');
    assert.deepEqual(doc.quotes, []);
  });

  it("an unmatched mark does not swallow the rest of the article", () => {
    const text =
      'The minister said "this is not over at all.\n\nThe next paragraph is ordinary reporting about the weather in the capital.';
    const doc = analyse(text);
    const paragraphBreak = text.indexOf("\n\n");
    assert.ok(doc.quotes.some((q) => q.text.includes("this is not over")));
    // The second paragraph may hold speech of its own; no quote may run across the break.
    for (const q of doc.quotes) {
      const crosses = q.start < paragraphBreak && q.end > paragraphBreak;
      assert.ok(!crosses, `quote runs past its paragraph: ${q.text}`);
    }
  });

  it("a noun that looks like a cue is not one", () => {
    const doc = analyse("His tweet about the debate drew wide criticism from both parties.");
    assert.deepEqual(doc.quotes, []);
  });
});

describe("quotes: event attribution", () => {
  it("gives an event reported inside indirect speech its speaker", () => {
    const text = "About 100 marines are being sent to the embassy, U.S. officials said on Tuesday.";
    const start = text.indexOf("sent");
    const event = {
      id: "e1",
      type: "MOBILIZE",
      trigger: { start, end: start + 4, text: "sent" },
      attribution: null,
    } as unknown as Event;
    const doc = analyse(text, [], [event]);
    assert.deepEqual(doc.events[0]?.attribution, {
      text: "U.S. officials",
      anonymous: true,
      quote: 0,
    });
  });
});
