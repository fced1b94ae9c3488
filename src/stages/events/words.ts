/**
 * Closed word classes the argument and modality rules read. Small and stable, so they live
 * in code; open classes (triggers, object classes) are data in lexicon/.
 */

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

export const DETERMINERS = set(
  "the a an this these that those its their his her our my your some any no another each every several many few both all such",
);

/** Determiners that make a noun trigger refer back to an event already told. */
export const ANAPHORIC = set("this these that those such");

export const BE = set("be is are was were been being am 're");
export const HAVE = set("have has had having 've");
export const DO = set("do does did");
export const FUTURE = set("will shall 'll");
/** Modals that leave an event unrealised. */
export const MODALS = set("would could might may should can must 'd");
export const NEGATORS = set("not n't never no");

export const PREPOSITIONS = set(
  "in on at by for with from to of against into during after before over under near outside inside across through throughout between among around upon toward towards despite following amid amidst since until via about without within along beside behind onto off per than pending including",
);

/** Words that open a new clause: an argument never reaches across them. */
export const SUBORDINATORS = set(
  "that which who whom whose when where while because although though if unless whether as so but",
);

/** Verbs common enough in news that an argument must stop at them. */
export const CLAUSE_VERBS = set(
  "said says say saying told tells tell added adding stated reported reports announced announcing claimed claims confirmed confirming believed believes noted insisted explained according quoted tweeted wrote writes warned declared described called continued continues come comes came came went goes go remained remain remains took take takes made make makes showed shows seemed seems appeared appears became become becomes left leaves gave gives got gets",
);

/** Time words that may stand between a subject and its verb (`Iran today accused`). */
export const TIME_WORDS = set(
  "today yesterday tonight tomorrow monday tuesday wednesday thursday friday saturday sunday again also still now then recently reportedly finally already once twice later earlier first allegedly jointly reluctantly last",
);

/** Verbs whose object noun carries the event (`held talks`, `launched an attack`). */
export const LIGHT_VERBS = set(
  "hold held holding holds launch launched launching launches carry carried carrying carries conduct conducted conducting conducts stage staged staging stages mount mounted mounting mounts make made making makes impose imposed imposing imposes issue issued issuing issues declare declared declaring declares announce announced announcing announces begin began begun beginning begins start started starting starts resume resumed resuming resumes continue continued continuing continues open opened opening opens reach reached reaching reaches sign signed signing signs strike struck striking strikes seal sealed conclude concluded concluding renew renewed renewing provide provided providing provides send sent sending sends give gave given giving gives deliver delivered delivering grant granted granting grants pay paid paying offer offered offering offers extend extended extending lodge lodged lodging file filed filing lead led leading undertake undertook undertaken undertaking order ordered ordering orders step stepped stepping intensify intensified intensifying escalate escalated escalating implement implemented observe observed observing call called calling organize organized organized organise organised hold attend attended attending host hosted hosting join joined joining end ended tighten tightened slap slapped reimpose reimposed institute instituted enforce enforced approve approved use used using employ employed fire fired firing reiterate reiterated reiterating repeat repeated press pressed receive received accept accepted earmark earmarked allocate allocated disburse disbursed express expressed expressing expresses voice voiced complete completed completing",
);

/** Governors of a `to VERB` complement that are not events: the complement is planned. */
export const MODAL_GOVERNORS = set(
  "plan plans planned planning intend intends intended intending want wants wanted wanting expect expects expected hope hopes hoped hoping aim aims aimed aiming prepare prepares preparing decide decides decided deciding consider considers considered considering likely set due going about poised scheduled slated determined eager keen seeking",
);

/** Governors whose complement really happens (or is attempted), with the governor's subject. */
export const TRANSPARENT_GOVERNORS = set(
  "try tries tried trying attempt attempts attempted attempting continue continues continued continuing begin begins began beginning start starts started starting resume resumes resumed resuming manage manages managed managing moved moving proceed proceeded forced ordered ordering helped",
);

/** Governors that deny their complement happened. */
export const NEGATING_GOVERNORS = set("fail fails failed failing");

/** Connectives between events, and the link relation each makes. */
export const LINK_CUES: ReadonlyArray<[string[], "retaliation-for" | "response-to" | "after"]> = [
  [["in", "retaliation", "for"], "retaliation-for"],
  [["in", "revenge", "for"], "retaliation-for"],
  [["in", "reprisal", "for"], "retaliation-for"],
  [["in", "response", "to"], "response-to"],
  [["in", "reaction", "to"], "response-to"],
  [["in", "the", "wake", "of"], "after"],
  [["after"], "after"],
  [["following"], "after"],
];

/** Speech cues for attribution (`U.S. officials said`). */
export const SPEECH_VERBS = set(
  "said says say told tells added reported reports announced stated claimed confirmed noted quoted tweeted wrote continued insisted explained according",
);

export const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
  thousand: 1000,
  million: 1000000,
};

/** Quantities that say "more than zero" without a number. */
export const VAGUE_QUANTITIES = set(
  "several many some dozens hundreds thousands scores numerous multiple countless tens millions few",
);

/** Words before a number that keep it approximate but usable (`about 100`, `at least 8`). */
export const APPROXIMATORS = set(
  "about around some nearly almost roughly approximately over more than least up to at estimated",
);
