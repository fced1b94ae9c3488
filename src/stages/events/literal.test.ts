/**
 * Literal events only (literal.ts and literalOnly in coder.ts), through the whole default
 * pipeline as users run it: figurative force, suicides and idioms, kinds and statistics,
 * subjects that cannot act, and the senses of trigger words that are no event. Each case
 * pairs a sentence that must not give the event with one that still must.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { Event } from "../../core/annotations.ts";
import { createExtractor } from "../../core/extract.ts";

const extractor = createExtractor();

function events(text: string): Event[] {
  return extractor.extract({
    raw: text,
    format: "text",
    origin: "test",
    published: "2021-03-02",
  }).events;
}

/** Events whose trigger is `word`. */
function on(text: string, word: string): Event[] {
  return events(text).filter((e) => e.trigger.text.toLowerCase() === word);
}

describe("figurative force", () => {
  test("a force verb whose object is an idea or a problem is no assault", () => {
    assert.deepEqual(
      on("The mayor vowed to keep fighting homelessness in the city.", "fighting"),
      [],
    );
    assert.deepEqual(
      on("The governor battled through two bouts of influenza last winter.", "battled"),
      [],
    );
    assert.equal(
      on("Rebels fought government troops near the border.", "fought")[0]?.type,
      "ASSAULT",
    );
  });

  test("attacking a policy or a record is criticism (ACCUSE), not an assault", () => {
    const [e] = on("Senator Jane Ortiz attacked tax loopholes in a speech on Monday.", "attacked");
    assert.equal(e?.type, "ACCUSE");
    assert.equal(e?.mode, "disapprove");
    const nouns = on("Ortiz answered with attacks on his voting record.", "attacks");
    assert.ok(nouns.every((n) => n.type !== "ASSAULT"));
  });

  test("calling someone something while 'pounding' them is words: ACCUSE", () => {
    const [e] = on(
      'The candidate has been pounding the governor as a "fraud" for weeks.',
      "pounding",
    );
    assert.equal(e?.type, "ACCUSE");
    assert.equal(on("Artillery pounded the town overnight.", "pounded")[0]?.type, "ASSAULT");
  });

  test("a date is no target, but a march toward one is a campaign going on", () => {
    assert.deepEqual(
      on("Her team says she will continue her march toward Election Day.", "march"),
      [],
    );
  });

  test("`seize on` remarks is to exploit them", () => {
    assert.deepEqual(on("The challenger is seizing on remarks the minister made.", "seizing"), []);
    assert.equal(on("Police seized weapons in the raid.", "seized")[0]?.type, "COERCE");
  });

  test("deploying arguments or courts is no troop movement", () => {
    assert.deepEqual(on("The state could deploy its courts against the law.", "deploy"), []);
  });

  test("killed in a deal (a passive set in an abstraction) is no killing", () => {
    assert.deepEqual(on("The small firms are getting killed in this deal.", "killed"), []);
    assert.ok(events("Two soldiers were killed in the ambush.").some((e) => e.type === "ASSAULT"));
  });
});

describe("reflexives and idioms", () => {
  test("killing oneself is suicide, not an assault", () => {
    assert.deepEqual(
      on("Farmers were killing themselves at twice the national rate.", "killing"),
      [],
    );
  });
  test("shooting oneself in the foot is an idiom", () => {
    assert.deepEqual(
      on("The party avoided shooting itself in the foot this time.", "shooting"),
      [],
    );
  });
  test("defending oneself or one's own words supports no one else", () => {
    assert.deepEqual(
      on("The senator is defending his late-night tweets about the judge.", "defending"),
      [],
    );
    assert.equal(
      on("The minister defended the army chief against the charges.", "defended")[0]?.type,
      "SUPPORT",
    );
  });
});

describe("kinds, statistics, fiction", () => {
  test("every shooting is a kind, not an occurrence", () => {
    assert.deepEqual(on("Not every shooting ends in a death, the report said.", "shooting"), []);
  });
  test("the epidemic of X killing Y is a statistic", () => {
    assert.deepEqual(
      on("She spoke about the epidemic of gangs killing teenagers in the region.", "killing"),
      [],
    );
  });
  test("a simulated attack did not happen", () => {
    assert.deepEqual(on("The navy simulated an attack on the island last year.", "attack"), []);
  });
  test("a trigger word before `group` names the group", () => {
    assert.deepEqual(
      on("Experts linked the breach to a hacking group known as Cozy Mole.", "hacking"),
      [],
    );
  });
});

describe("subjects that cannot act", () => {
  test("words act for their author: `Ortiz's tweets accusing X` are Ortiz's", () => {
    const [e] = on(
      "He said Jane Ortiz's late-night tweets accusing the governor of fraud were lies.",
      "accusing",
    );
    assert.equal(e?.type, "ACCUSE");
    assert.equal(e?.actor?.text, "Jane Ortiz");
  });
  test("a study, a poll or a protocol does not request or support", () => {
    assert.deepEqual(
      on("Hospital protocol called for the patient to be moved at once.", "called for"),
      [],
    );
    assert.deepEqual(
      on(
        "A 2019 survey found that published research did not support the diet's claims.",
        "support",
      ),
      [],
    );
    assert.equal(
      on("Protesters called for the minister's resignation.", "called for")[0]?.type,
      "REQUEST",
    );
  });
  test("buildings after a passive `by` occupy nothing", () => {
    assert.deepEqual(
      on("The old blocks were occupied in the 1890s by textile mills.", "occupied"),
      [],
    );
    assert.equal(
      on("The town was occupied by rebel fighters in May.", "occupied")[0]?.type,
      "COERCE",
    );
  });
  test("a pledge that appeals to voters attracts them; a party that appeals to a minister asks", () => {
    assert.deepEqual(on("The party's pledge to cut fuel prices appealed to them.", "appealed"), []);
    assert.equal(
      on("The opposition will appeal to the interior minister.", "appeal")[0]?.type,
      "REQUEST",
    );
  });
});

describe("senses of trigger words that are no event", () => {
  test("meeting a threshold or being met with opposition is no consultation", () => {
    assert.deepEqual(
      on("The candidate did not meet the commission's polling threshold.", "meet"),
      [],
    );
    assert.deepEqual(on("The plan has been met with opposition from farmers.", "met"), []);
    assert.equal(
      on("The prime minister met the Japanese ambassador on Tuesday.", "met")[0]?.type,
      "CONSULT",
    );
  });
  test("a TV host is a job", () => {
    assert.deepEqual(on("The network's radio host, Ann Miller, left in May.", "host"), []);
    assert.deepEqual(on("Two cable news hosts would sign up with the network.", "hosts"), []);
  });
  test("demonstrating a quality shows it; demonstrators demonstrate", () => {
    assert.deepEqual(
      on("Exporters will demonstrate the quality of local beef at the fair.", "demonstrate"),
      [],
    );
    assert.equal(
      on("Hundreds of students demonstrated outside the ministry.", "demonstrated")[0]?.type,
      "PROTEST",
    );
  });
  test("charging fees is the money sense of charge", () => {
    assert.deepEqual(on("Customers were wrongly charged fees for the accounts.", "charged"), []);
  });
  test("`prepared to` with no act of its own governs nothing", () => {
    assert.deepEqual(
      on("Voters asked whether the mayor was prepared to face a crisis.", "prepared"),
      [],
    );
  });
});

describe("modality", () => {
  test("`Say X demanded ...` puts a case: hypothetical", () => {
    const [e] = on("Say Canada demanded that Mexico pay for the repairs.", "demanded");
    assert.equal(e?.hypothetical, true);
    assert.equal(
      on("Canada demanded that Mexico pay for the repairs.", "demanded")[0]?.hypothetical,
      false,
    );
  });
  test("avoiding an act says it was not done", () => {
    const [e] = on(
      "Kumar again avoided condemning the annexation of the islands by China.",
      "condemning",
    );
    assert.equal(e?.negated, true);
    assert.equal(e?.actor?.text, "Kumar");
  });
  test("`neither ... nor` as subject negates", () => {
    const [e] = on("Neither Jane Ortiz nor her aides have been charged with fraud.", "charged");
    assert.equal(e?.negated, true);
  });
  test("`no chance X will` denies a possibility: no event", () => {
    assert.deepEqual(
      on("There is no chance the senator will resign from the committee.", "resign"),
      [],
    );
  });
});

describe("opinions, admissions, contests, habits", () => {
  test("agreeing that something is so is an opinion; agreeing on what to do is AGREE", () => {
    assert.deepEqual(
      on(
        "Both the rail chief and the airline president agree that trains are a good alternative.",
        "agree",
      ),
      [],
    );
    assert.equal(
      on(
        "Greek and Turkish officials agreed on Monday that their navies would share patrols.",
        "agreed",
      )[0]?.type,
      "AGREE",
    );
    assert.equal(
      on("Chile and Peru have agreed upon a new fisheries pact.", "agreed")[0]?.type,
      "AGREE",
    );
  });
  test("conceding that something is so is admitting, not yielding", () => {
    assert.deepEqual(on("Ortiz concedes the figure could be a little high.", "concedes"), []);
    assert.equal(
      on("The governor conceded to demands from the strikers.", "conceded")[0]?.type,
      "CONCEDE",
    );
  });
  test("being met with a reaction is no meeting", () => {
    assert.deepEqual(on("The proposal was met with angry responses from farmers.", "met"), []);
  });
  test("a legal battle or a fight in the courts is no combat", () => {
    assert.deepEqual(
      on("The family fought a months-long legal battle with the hospital.", "battle"),
      [],
    );
    assert.deepEqual(on("Such disputes are usually fought in the courts.", "fought"), []);
  });
  test("evading capture, more murders than last year, a striking likeness", () => {
    assert.deepEqual(on("She helped the two men evade capture for a week.", "capture"), []);
    assert.deepEqual(
      on("There were more murders in May than in any month since 2009.", "murders"),
      [],
    );
    assert.deepEqual(on("The likeness to the late king was striking.", "striking"), []);
  });
  test("a habit told in the present is no event; the same verb in the past is", () => {
    assert.deepEqual(on("Migrants are often detained in crowded cells for weeks.", "detained"), []);
    assert.equal(
      on("Police detained 40 migrants near the port on Monday.", "detained")[0]?.type,
      "COERCE",
    );
  });
  test("holding an office is not occupying a place; pressing charges accuses", () => {
    assert.deepEqual(on("He has never occupied any public office.", "occupied"), []);
    assert.equal(
      on("The mayor pressed charges against two activists.", "pressed charges")[0]?.type,
      "ACCUSE",
    );
  });
});

describe("the campaign as a war", () => {
  test("fighting for second place or capturing voters' support is no combat", () => {
    assert.deepEqual(
      on("Ortiz and Ruiz are fighting for second place behind the governor.", "fighting"),
      [],
    );
    assert.deepEqual(
      on("Ortiz captured the support of older voters in the primary.", "captured"),
      [],
    );
    assert.equal(
      on("Rebels captured the airport after heavy fighting.", "captured")[0]?.type,
      "ASSAULT",
    );
  });
  test("a battle between two unarmed persons is a contest", () => {
    assert.deepEqual(
      on("Jane Ortiz expects to win her bitter battle with Tom Ruiz.", "battle"),
      [],
    );
    assert.equal(
      on("Soldiers battled rebels near the border town.", "battled")[0]?.type,
      "ASSAULT",
    );
  });
});

describe("offers, proposed bans, one's own record", () => {
  test("offering products, views or a job is no AGREE; offering talks or aid is", () => {
    assert.deepEqual(
      on("The ministry offered these tips for cooking a holiday meal safely.", "offered"),
      [],
    );
    assert.deepEqual(on("Ortiz offered her early assessment of the final.", "offered"), []);
    assert.equal(on("The rebels offered talks with the government.", "offered")[0]?.type, "AGREE");
    assert.equal(
      on("The minister offered to mediate between the two sides.", "offered")[0]?.type,
      "AGREE",
    );
  });
  test("a ban called for or supported is proposed, not imposed", () => {
    assert.deepEqual(on("Most voters support a temporary ban on foreign workers.", "ban"), []);
    assert.deepEqual(on("She repeated her call for a total ban on imports of ivory.", "ban"), []);
    assert.equal(
      on("The government banned rallies in the capital on Monday.", "banned")[0]?.type,
      "COERCE",
    );
  });
  test("defending one's own record or actions supports no one else", () => {
    assert.deepEqual(
      on("The president is defending his executive actions on guns.", "defending"),
      [],
    );
    assert.equal(
      on("The minister defended his deputy against the charges.", "defended")[0]?.type,
      "SUPPORT",
    );
  });
  test("attacking someone for a position is still an attack in words", () => {
    const [e] = on(
      "Jane Ortiz attacked Tom Ruiz for his support of the war in a speech.",
      "attacked",
    );
    assert.equal(e?.type, "ACCUSE");
  });
});

describe("actor phrases", () => {
  test("an actor phrase that runs past its name into a verb ends with the name", () => {
    const [e] = on(
      "Senator Jane Ortiz started attacking the governor's record in March.",
      "attacking",
    );
    assert.equal(e?.actor?.text, "Senator Jane Ortiz");
  });
});
