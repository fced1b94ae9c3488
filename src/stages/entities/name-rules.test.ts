/**
 * The boundary and story rules on hand-built tagger output: each rule is checked on its own,
 * whatever the shipped model would tag, with the real lexicons and gazetteer.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { EntityType, Token } from "../../core/annotations.ts";
import { tokenize } from "../segment/tokenize.ts";
import { acronymDefinitions, classifiedNames, completePersons } from "./name-boundaries.ts";
import { type Mention, officeHolderInOrg } from "./recognise.ts";
import { resolveMentions } from "./resolve.ts";
import { loadResources } from "./resources.ts";

const res = loadResources();

/** A model mention over the `nth` occurrence of `phrase` in `text`. */
function mention(
  text: string,
  tokens: readonly Token[],
  phrase: string,
  type: EntityType,
  nth = 0,
): Mention {
  let start = -1;
  for (let k = 0; k <= nth; k++) start = text.indexOf(phrase, start + 1);
  assert.ok(start >= 0, `${phrase} in the text`);
  const end = start + phrase.length;
  const from = tokens.findIndex((t) => t.start === start);
  const to = tokens.findIndex((t) => t.end === end) + 1;
  assert.ok(from >= 0 && to > from, `${phrase} on token edges`);
  return { from, to, start, end, type, confidence: 0.5, source: "model" };
}

const names = (text: string, ms: readonly Mention[]) =>
  ms.map((m) => `${text.slice(m.start, m.end)}:${m.type}`).sort();

describe("acronyms defined in the text", () => {
  it("a long form before its acronym: both are names of one organisation", () => {
    const text = "Deputies of the Partito Nuovo Verde Federation (PNVF) voted against it.";
    const tokens = tokenize(text);
    const out = acronymDefinitions(text, tokens, [], res);
    assert.deepEqual(names(text, out), ["PNVF:ORG", "Partito Nuovo Verde Federation:ORG"]);
  });

  it("with no organisation word and nothing tagged, or a law's, it stays apart", () => {
    const text =
      "Deputies of Partito Nuovo Verde (PNV) voted against the Fair Rent Act (FRA) today.";
    const tokens = tokenize(text);
    const fra = mention(text, tokens, "FRA", "ORG");
    const out = acronymDefinitions(text, tokens, [fra], res);
    assert.deepEqual(names(text, out), ["FRA:ORG"]);
  });

  it("an acronym before its long form, letters in another order (a translated name)", () => {
    const text = "The head of UFN (National Farmers Union) spoke.";
    const tokens = tokenize(text);
    const out = acronymDefinitions(text, tokens, [], res);
    assert.deepEqual(names(text, out), ["National Farmers Union:ORG", "UFN:ORG"]);
  });

  it("replaces a piece the tagger cut; a piece's type says nothing of the whole", () => {
    const text = "The Kivu Basin Authority (KBA) said so.";
    const tokens = tokenize(text);
    const cut = mention(text, tokens, "Basin Authority", "LOC");
    const out = acronymDefinitions(text, tokens, [cut], res);
    assert.deepEqual(names(text, out), ["KBA:ORG", "Kivu Basin Authority:ORG"]);
  });

  it("leaves initials that do not spell the acronym, and a product's model number", () => {
    const text = "The Green Party (XYZ) met. Users of Windows Phone 8 (WP8) complained. UFN (";
    const tokens = tokenize(text);
    assert.deepEqual(acronymDefinitions(text, tokens, [], res), []);
  });
});

describe("a person's name cut one word short", () => {
  it("takes a first name before it, not a title, honorific or party label", () => {
    const text =
      "The group founded by Paul Thames Newman grew. Republican Nadia Orlova spoke, and Mr Orlova.";
    const tokens = tokenize(text);
    const ms = [
      mention(text, tokens, "Thames Newman", "PERSON"),
      mention(text, tokens, "Nadia Orlova", "PERSON"),
      mention(text, tokens, "Orlova", "PERSON", 1),
    ];
    completePersons(text, tokens, ms, res);
    assert.deepEqual(names(text, ms), [
      "Nadia Orlova:PERSON",
      "Orlova:PERSON",
      "Paul Thames Newman:PERSON",
    ]);
  });

  it("not a weekday, a word it does not know as a name, nor past the text's end", () => {
    const text = "We met Aner Shalevski Wednesday. Then Aner Shalevski US-based. Aner Shalevski";
    const tokens = tokenize(text);
    const ms = [
      mention(text, tokens, "Aner Shalevski", "PERSON", 0),
      mention(text, tokens, "Aner Shalevski", "PERSON", 1),
      mention(text, tokens, "Aner Shalevski", "PERSON", 2),
    ];
    completePersons(text, tokens, ms, res);
    assert.deepEqual(names(text, ms), [
      "Aner Shalevski:PERSON",
      "Aner Shalevski:PERSON",
      "Aner Shalevski:PERSON",
    ]);
  });
});

describe("names a classifying noun puts in their class", () => {
  it("the noun before a name, the names listed with it, an apposition after it", () => {
    const text =
      "Fees were owed by the religious schools San Marco Pio and Belvedere in Pisa. Collegio Ardena, a catholic school in Rome, paid.";
    const tokens = tokenize(text);
    const ms = [
      mention(text, tokens, "San Marco Pio", "PERSON"),
      mention(text, tokens, "Belvedere", "LOC"),
      mention(text, tokens, "Pisa", "GPE"),
      mention(text, tokens, "Collegio Ardena", "PERSON"),
      mention(text, tokens, "Rome", "GPE"),
    ];
    classifiedNames(text, tokens, ms);
    assert.deepEqual(names(text, ms), [
      "Belvedere:ORG",
      "Collegio Ardena:ORG",
      "Pisa:GPE",
      "Rome:GPE",
      "San Marco Pio:ORG",
    ]);
  });

  it("not when the noun is no head (a possessor, a modifier), nor past the text's end", () => {
    const text =
      "Ana Pruzanska, the firm's co-founder, spoke. In Wisconsin, a hotbed of union activism, it rained. Mira Holt";
    const tokens = tokenize(text);
    const ms = [
      mention(text, tokens, "Ana Pruzanska", "PERSON"),
      mention(text, tokens, "Wisconsin", "GPE"),
      mention(text, tokens, "Mira Holt", "PERSON"),
    ];
    classifiedNames(text, tokens, ms);
    assert.deepEqual(names(text, ms), [
      "Ana Pruzanska:PERSON",
      "Mira Holt:PERSON",
      "Wisconsin:GPE",
    ]);
  });

  it("not a noun a person may be too", () => {
    const text = "They met publishers Jann Wennerby and Carla Rossi.";
    const tokens = tokenize(text);
    const ms = [mention(text, tokens, "Jann Wennerby", "PERSON")];
    classifiedNames(text, tokens, ms);
    assert.deepEqual(names(text, ms), ["Jann Wennerby:PERSON"]);
  });
});

/** The story rules over hand-built tagger output: `[phrase, type, nth occurrence]` each. */
function resolved(text: string, tagged: readonly [string, EntityType, number?][]): string[] {
  const tokens = tokenize(text);
  const ms = tagged.map(([phrase, type, nth]) => mention(text, tokens, phrase, type, nth));
  return names(text, resolveMentions(text, tokens, ms, res));
}

describe("people the story names", () => {
  it("an organisation run on into a person the story names again is two names", () => {
    const got = resolved(
      "Student at Northfield State University Lina Qaderiyan heard of it. Qaderiyan said more.",
      [
        ["Northfield State University Lina Qaderiyan", "ORG"],
        ["Qaderiyan", "PERSON", 1],
      ],
    );
    assert.ok(got.includes("Northfield State University:ORG"), got.join(" | "));
    assert.ok(got.includes("Lina Qaderiyan:PERSON"), got.join(" | "));
  });

  it("a two-word organisation ending in a person's last name is that person", () => {
    const got = resolved(
      "Scientologist Tomas Cruzado spoke. Later the Tomas Cruzado video spread.",
      [
        ["Scientologist Tomas Cruzado", "PERSON"],
        ["Tomas Cruzado", "ORG", 1],
      ],
    );
    assert.ok(got.includes("Tomas Cruzado:PERSON"), got.join(" | "));
  });

  it("a phrase the tagger called a person is no evidence of a last name", () => {
    const got = resolved(
      "Meet Mario Lucero and Isa Ruiz of Heaven Sent Gaming. Heaven Sent Gaming grew.",
      [
        ["Mario Lucero and Isa Ruiz of Heaven Sent Gaming", "PERSON"],
        ["Heaven Sent Gaming", "ORG", 1],
      ],
    );
    assert.ok(got.includes("Heaven Sent Gaming:ORG"), got.join(" | "));
  });

  it("a lone surname written after its full name's first word is the full name", () => {
    const got = resolved("Tiago Verhulst scored. Then Tiago Verhulst's shot went wide.", [
      ["Tiago Verhulst", "PERSON"],
      ["Verhulst", "PERSON", 1],
    ]);
    assert.deepEqual(got, ["Tiago Verhulst:PERSON", "Tiago Verhulst:PERSON"]);
  });

  it("a one-word name the article mostly writes in lowercase is not repeated", () => {
    const text =
      "Iodine is scarce. Most soils lack iodine, and iodine pills help. WHO say Iodine matters.";
    const tokens = tokenize(text);
    const out = resolveMentions(text, tokens, [mention(text, tokens, "Iodine", "ORG", 1)], res);
    assert.equal(out.length, 1, names(text, out).join(" | "));
  });
});

describe("titles of people the tagger took for organisations", () => {
  it("an organisation-typed title and surname of a person the story names is that person, title apart", () => {
    const text = "Judge Marta Kowalczyk ruled. Later Judge Kowalczyk closed the case.";
    const tokens = tokenize(text);
    const ms = [
      mention(text, tokens, "Marta Kowalczyk", "PERSON"),
      mention(text, tokens, "Judge Kowalczyk", "ORG"),
    ];
    const out = resolveMentions(text, tokens, ms, res);
    assert.deepEqual(names(text, out), ["Kowalczyk:PERSON", "Marta Kowalczyk:PERSON"]);
    const titled = out.find((m) => text.slice(m.start, m.end) === "Kowalczyk");
    assert.equal(titled?.title && text.slice(titled.title.start, titled.title.end), "Judge");
  });

  it("an organisation, an office in it and its holder run together are two names", () => {
    const text = "The Supreme Court Justice Antonin Kowalczyk dissented.";
    const tokens = tokenize(text);
    const org = mention(text, tokens, "Supreme Court Justice Antonin Kowalczyk", "ORG");
    const holder = officeHolderInOrg(text, tokens, org, res);
    assert.ok(holder);
    assert.deepEqual(names(text, [org, holder]), ["Antonin Kowalczyk:PERSON", "Supreme Court:ORG"]);
    assert.equal(holder.title && text.slice(holder.title.start, holder.title.end), "Justice");
  });

  it("not when a common word follows the title, nor without an organisation word before it", () => {
    for (const [text, phrase] of [
      [
        "Wisconsin Elects A Supreme Court Justice Who Once Mocked Gays",
        "Wisconsin Elects A Supreme Court Justice Who Once Mocked Gays",
      ],
      [
        "The Marta Kowalczyk Justice Antonin Kowalczyk fund grew.",
        "Marta Kowalczyk Justice Antonin Kowalczyk",
      ],
    ] as const) {
      const tokens = tokenize(text);
      const org = mention(text, tokens, phrase, "ORG");
      assert.equal(officeHolderInOrg(text, tokens, org, res), null, text);
      assert.equal(text.slice(org.start, org.end), phrase);
    }
  });
});
