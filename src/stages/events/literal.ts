/**
 * Word classes and tests that tell a literal event from a figurative, generic or
 * non-agentive use of its trigger word. News borrows the vocabulary of force for politics
 * (`pounding Trump as a "con artist"`, `fighting climate change`, `seizing on remarks`),
 * statistics (`killing themselves at three times the rate`) and description (`occupied by
 * rice mills`); an analyst codes none of these, and every one counts against precision.
 */
import type { DocIndex, Range } from "./sentence.ts";

const set = (words: string): Set<string> => new Set(words.split(/\s+/).filter(Boolean));

/** Reflexive objects: `killing themselves` is suicide, `shooting itself in the foot` an idiom. */
export const REFLEXIVES = set("himself herself themselves itself myself ourselves yourself");

/**
 * Heads of noun phrases that name no one who can be attacked, seized or fought: ideas,
 * problems, texts, illnesses, time. A force verb with such an object is a figure of speech
 * (`fighting climate change`, `attacked loopholes`, `battled pneumonia`).
 */
const ABSTRACT = set(`
  change climate racism sexism poverty hunger crime corruption inflation unemployment
  disease diseases illness cancer virus pneumonia flu addiction obesity fire fires flames blaze wildfire
  loophole loopholes tax taxes taxation rule rules regulation regulations bill bills law laws
  plan plans proposal proposals policy policies idea ideas notion claim claims record records
  comment comments remark remarks statement statements biography platform platforms agenda
  issue issues problem problems deal deals budget deficit debt time clock deadline odds
  homelessness influenza unemployment poverty illiteracy ignorance
  trend trends price prices rate rates stigma myth myths narrative fear fears
  greatness spirit essence imagination attention heart hearts mind minds moment mood
  victory nomination presidency election elections finish end goal goals dream dreams
  bureaucracy red tape system status quo ignorance injustice inequality discrimination
  misinformation disinformation fake news lies lie truth history legacy reputation image
  wave waves recession slump decline pandemic epidemic outbreak
  sampling sample samples list lists selection examples ways court courts argument arguments
  strategy tactics tactic rhetoric resources tools
`);

/**
 * Only `-ism` marks an abstraction reliably (`racism`, `extremism`); `-ment`, `-tion`,
 * `-ity`, `-ence`, `-hood` and `-ness` name too many places, bodies and things that are
 * attacked for real (`bombardment`, `settlement`, `station`, `city`, `residence`,
 * `neighborhood`, `businesses`).
 */
const ABSTRACT_SUFFIX = /isms?$/;
const CONCRETE_EXCEPTIONS = set("prism prisms");

/** Whether a lowercased head noun names an abstraction rather than a party or a thing. */
export function isAbstract(word: string): boolean {
  if (ABSTRACT.has(word)) return true;
  return ABSTRACT_SUFFIX.test(word) && !CONCRETE_EXCEPTIONS.has(word) && word.length > 5;
}

/**
 * Heads of subjects that do not act: studies and polls find, protocols require, pledges
 * attract. An event needs an actor that can do it (`A 2014 study found that research
 * didn't support ...`, `Secret Service protocol called for ...`). Papers, articles and
 * reports are left out: they carry their authors' words (`a Times article hailed Trump`).
 */
export const NON_AGENTS = set(`
  study studies survey surveys poll polls research protocol protocols data analysis analyses
  findings evidence statistics figures model models pledge pledges guideline guidelines
  procedure procedures
`);

/**
 * Buildings and works, which occupy or hold places without anyone doing anything
 * (`the blocks were occupied by rice mills`): no agent after a passive `by`. Only there:
 * before a verb they are too often the first half of a compound (`street battles raged`).
 */
export const NON_AGENT_BY = set(`
  mill mills building buildings factory factories warehouse warehouses house houses
  church churches store stores shop shops hotel hotels plant plants stable stables barn barns
  office offices apartment apartments home homes farm farms school schools
`);

/** What a campaign marches toward: an election, a win, a day (`her march toward Election Day`). */
export const MARCH_GOALS = set(
  "day election elections victory nomination presidency power win finish goal white house",
);

/** Heads that count or classify what their `of` phrase names (`bouts of pneumonia`). */
export const PARTITIVE = set(
  "bout bouts case cases kind kinds form forms sort sorts type types level levels amount amounts lot lots series piece pieces",
);

/** Modifiers that make a noun trigger no real event (`simulated an attack`, `mock raids`). */
export const FICTIVE = set(
  "simulated simulate simulating mock fictional imaginary hypothetical fake pretend",
);

/** What a shop charges (`were charged fees`): the money sense of `charge`. */
export const CHARGES = set(
  "fee fees interest price prices rate rates tax taxes rent premium premiums money penalty penalties tariff tariffs dollars",
);

/** Nouns after an -ing trigger that make it a modifier (`a hacking group`, `a shooting stance`). */
export const MODIFIED_HEADS = set(
  "group groups unit units team teams squad squads tool tools software skills gear equipment stance range ranges gallery guard practice competition club percentage",
);

/**
 * Adverbs of habit: with a present-tense verb they tell what usually happens (`people are
 * often detained there`), not an event.
 */
export const HABITUAL = set(
  "often usually sometimes regularly routinely typically generally always frequently normally commonly rarely seldom",
);

/** Modifiers of `battle`/`fight` that make it a contest of another kind (`a legal battle`). */
export const CONTEST_KINDS = set(
  "legal court courtroom custody political electoral election uphill budget bidding ratings pr media rhetorical ideological cultural culture lonely personal",
);

/**
 * What candidates fight for: a campaign told as a war (`fighting for second place`,
 * `captured the support of voters`, `battle for the nomination`).
 */
export const ELECTORAL_PRIZES = set(
  "place vote votes voter voters support nomination nominations seat seats race primary primaries delegate delegates election elections majority caucus caucuses ballot ballots endorsement endorsements presidency lead title crown championship trophy game match points polls poll",
);

/**
 * What a political actor offers when the offer is an event (PLOVER AGREE: talks, aid,
 * concessions, a ceasefire): not products, opinions, prayers, platforms or jobs.
 */
export const OFFERABLE = set(`
  talks negotiations negotiation dialogue help assistance aid support ceasefire truce cease-fire
  deal concession concessions amnesty compromise mediation asylum resignation apology apologies
  cooperation troops money funds funding loan loans protection guarantee guarantees incentives
  incentive reward rewards security peace plan proposal proposals settlement compensation
  refuge shelter sanctuary access visa visas exchange swap release withdrawal recognition
  pardon immunity resources equipment weapons arms food supplies medicine vaccines doctors
  hostages prisoners land territory referendum elections election bases base
`);

/** Verbs and nouns before `a ban` that make it proposed, not imposed (`called for a ban`). */
export const PROPOSING = set(
  "support supports supported supporting call calls called calling propose proposes proposed proposing proposal favor favour backing backed back backs urge urged urging want wants wanted demand demanded",
);

/** Verbs whose object event did not happen to their subject (`evade capture`, `escaped arrest`). */
export const EVADING = set(
  "evade evades evaded evading elude eludes eluded eluding escape escapes escaped escaping avoid avoids avoided avoiding",
);

/** Sentence openers that pose a case rather than report one (`Say Mexico demanded ...`). */
export const SUPPOSITIONS = set("say suppose supposing imagine assume picture");

/** Quantifiers that make a noun trigger a kind rather than an occurrence (`every shooting`). */
export const GENERIC_DETERMINERS = set("every each");

/** Nouns that make what follows `of` a statistic (`the epidemic of police killings`). */
export const STATISTIC_HEADS = set(
  "epidemic epidemics scourge rate rates number numbers culture problem problems statistics share issue issues history pattern patterns",
);

/**
 * What one `meets` that is not a party to talks: a bar, a condition, a reaction
 * (`did not meet the polling threshold`, `was met with opposition`).
 */
export const MEET_OBJECTS = set(`
  threshold thresholds standard standards requirement requirements criteria criterion
  expectations expectation target targets goal goals deadline deadlines needs obligations
  qualifications quota quotas opposition resistance criticism skepticism scepticism
  approval fate end challenge challenges test tests mark eligibility bar condition conditions
`);

/** Nouns before `host` that make it a job title (`RT host`, `cable news hosts`). */
export const HOST_TITLES = set("news show radio tv television cable talk podcast game program");

/** The head of a phrase: its last word before `of` (`the greatness of the US` → greatness). */
export function headOf(ix: DocIndex, r: Range): number {
  let h = r[0];
  for (let i = r[0]; i < r[1]; i++) {
    const w = ix.low[i] as string;
    if (w === "of") {
      // `bouts of walking pneumonia`: the head is what is counted.
      if (PARTITIVE.has(ix.low[h] as string)) continue;
      break;
    }
    if (w === "," || w === "that" || w === "who" || w === "which") break;
    // `comments his rival made`: a second phrase (a reduced relative) begins; not after a
    // word that leads a phrase in (`just a sampling`, `all the ways`).
    if (i > r[0] && NEW_PHRASE.has(w) && !LEADERS.has(ix.low[i - 1] as string)) break;
    if (/^[a-z]/.test(w)) h = i;
  }
  return h;
}

/** Words that may stand before a determiner within one noun phrase. */
const LEADERS = set("of just only even all both half nearly almost about some such quite");

/** Words that open a new noun phrase inside a longer span. */
const NEW_PHRASE = set("his her their its our my your the a an this these those he she they we");
