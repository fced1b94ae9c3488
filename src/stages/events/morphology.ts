/**
 * Light English morphology for event triggers, without a part-of-speech tagger.
 *
 * Two directions: `inflect` generates the forms of a lexicon lemma (used once, when the
 * lexicon is indexed, so matching a token is one Map lookup), and `lemmatize` guesses the
 * lemma of a word form (used for heads of noun phrases and for users' ad-hoc checks).
 * Generation over-produces on purpose (`visit` → `visitted`): a form that never occurs
 * costs nothing, a missing one loses an event.
 */

/** Irregular verbs: lemma → [past, past participle]. Only what news about events uses. */
const IRREGULAR_VERBS: Record<string, [string, string]> = {
  arise: ["arose", "arisen"],
  bear: ["bore", "borne"],
  beat: ["beat", "beaten"],
  become: ["became", "become"],
  begin: ["began", "begun"],
  bind: ["bound", "bound"],
  blow: ["blew", "blown"],
  break: ["broke", "broken"],
  bring: ["brought", "brought"],
  build: ["built", "built"],
  burn: ["burnt", "burnt"],
  buy: ["bought", "bought"],
  catch: ["caught", "caught"],
  come: ["came", "come"],
  cut: ["cut", "cut"],
  deal: ["dealt", "dealt"],
  do: ["did", "done"],
  draw: ["drew", "drawn"],
  drive: ["drove", "driven"],
  fall: ["fell", "fallen"],
  feed: ["fed", "fed"],
  fight: ["fought", "fought"],
  find: ["found", "found"],
  flee: ["fled", "fled"],
  fly: ["flew", "flown"],
  forbid: ["forbade", "forbidden"],
  forgive: ["forgave", "forgiven"],
  freeze: ["froze", "frozen"],
  get: ["got", "gotten"],
  give: ["gave", "given"],
  go: ["went", "gone"],
  hang: ["hanged", "hung"],
  have: ["had", "had"],
  hear: ["heard", "heard"],
  hide: ["hid", "hidden"],
  hit: ["hit", "hit"],
  hold: ["held", "held"],
  hurt: ["hurt", "hurt"],
  keep: ["kept", "kept"],
  lay: ["laid", "laid"],
  lead: ["led", "led"],
  leave: ["left", "left"],
  lend: ["lent", "lent"],
  let: ["let", "let"],
  lose: ["lost", "lost"],
  make: ["made", "made"],
  meet: ["met", "met"],
  overrun: ["overran", "overrun"],
  overthrow: ["overthrew", "overthrown"],
  pay: ["paid", "paid"],
  put: ["put", "put"],
  quit: ["quit", "quit"],
  rebuild: ["rebuilt", "rebuilt"],
  retake: ["retook", "retaken"],
  ride: ["rode", "ridden"],
  rise: ["rose", "risen"],
  run: ["ran", "run"],
  say: ["said", "said"],
  see: ["saw", "seen"],
  seek: ["sought", "sought"],
  sell: ["sold", "sold"],
  send: ["sent", "sent"],
  set: ["set", "set"],
  shake: ["shook", "shaken"],
  shoot: ["shot", "shot"],
  shut: ["shut", "shut"],
  sign: ["signed", "signed"],
  sink: ["sank", "sunk"],
  slay: ["slew", "slain"],
  speak: ["spoke", "spoken"],
  spend: ["spent", "spent"],
  stand: ["stood", "stood"],
  steal: ["stole", "stolen"],
  strike: ["struck", "struck"],
  swear: ["swore", "sworn"],
  take: ["took", "taken"],
  teach: ["taught", "taught"],
  tear: ["tore", "torn"],
  tell: ["told", "told"],
  think: ["thought", "thought"],
  throw: ["threw", "thrown"],
  undertake: ["undertook", "undertaken"],
  uphold: ["upheld", "upheld"],
  wage: ["waged", "waged"],
  win: ["won", "won"],
  withdraw: ["withdrew", "withdrawn"],
  withhold: ["withheld", "withheld"],
  wound: ["wounded", "wounded"],
  write: ["wrote", "written"],
};

/** Irregular noun plurals: lemma → plural. */
const IRREGULAR_NOUNS: Record<string, string> = {
  man: "men",
  woman: "women",
  child: "children",
  person: "people",
  crisis: "crises",
  analysis: "analyses",
  thesis: "theses",
};

const VOWELS = new Set(["a", "e", "i", "o", "u"]);

function isConsonant(c: string | undefined): boolean {
  return c !== undefined && /[a-z]/.test(c) && !VOWELS.has(c);
}

/** `-s` forms: attack → attacks, push → pushes, deny → denies. */
function sForm(word: string): string {
  if (/(s|sh|ch|x|z)$/.test(word)) return `${word}es`;
  if (word.endsWith("y") && isConsonant(word[word.length - 2])) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/** Stems a suffix beginning with a vowel attaches to: drop a final e, or double a consonant. */
function vowelStems(word: string): string[] {
  if (word.endsWith("ee") || word.endsWith("ye") || word.endsWith("oe")) return [word];
  if (word.endsWith("ie")) return [`${word.slice(0, -2)}y`];
  if (word.endsWith("e")) return [word.slice(0, -1)];
  const n = word.length;
  const stems = [word];
  // CVC endings may double (stop → stopp-, commit → committ-); over-generating is harmless.
  if (
    n >= 3 &&
    isConsonant(word[n - 1]) &&
    !/[wxy]/.test(word[n - 1] as string) &&
    VOWELS.has(word[n - 2] as string) &&
    isConsonant(word[n - 3])
  ) {
    stems.push(word + (word[n - 1] as string));
  }
  return stems;
}

/** Every inflected form of a verb lemma, base form first. */
export function verbForms(lemma: string): string[] {
  const forms = new Set<string>([lemma, sForm(lemma)]);
  const irregular = IRREGULAR_VERBS[lemma];
  if (irregular) {
    forms.add(irregular[0]);
    forms.add(irregular[1]);
  }
  if (!irregular || irregular[0].endsWith("ed")) {
    if (lemma.endsWith("e")) forms.add(`${lemma}d`);
    else if (lemma.endsWith("y") && isConsonant(lemma[lemma.length - 2]))
      forms.add(`${lemma.slice(0, -1)}ied`);
    else for (const stem of vowelStems(lemma)) forms.add(`${stem}ed`);
  }
  if (lemma.endsWith("ie")) forms.add(`${lemma.slice(0, -2)}ying`);
  else for (const stem of vowelStems(lemma)) forms.add(`${stem}ing`);
  return [...forms];
}

/** Singular and plural of a noun lemma. */
export function nounForms(lemma: string): string[] {
  const irregular = IRREGULAR_NOUNS[lemma];
  // Mass and plural-only nouns (talks, sanctions) are listed in their plural already.
  return irregular ? [lemma, irregular] : [lemma, sForm(lemma)];
}

/** Past forms only (past tense and participle), to tell passives and perfects apart. */
export function isPastForm(word: string, lemma: string): boolean {
  const irregular = IRREGULAR_VERBS[lemma];
  if (irregular && (word === irregular[0] || word === irregular[1])) return true;
  return word !== lemma && word.endsWith("ed");
}

/** Irregular past forms (`sent`, `struck`), which read as verbs wherever they stand. */
export const IRREGULAR_PAST = new Set<string>();
for (const [lemma, [past, participle]] of Object.entries(IRREGULAR_VERBS)) {
  if (past !== lemma) IRREGULAR_PAST.add(past);
  if (participle !== lemma) IRREGULAR_PAST.add(participle);
}

const PAST_TO_LEMMA = new Map<string, string>();
for (const [lemma, [past, participle]] of Object.entries(IRREGULAR_VERBS)) {
  PAST_TO_LEMMA.set(past, lemma);
  PAST_TO_LEMMA.set(participle, lemma);
}
const PLURAL_TO_LEMMA = new Map(Object.entries(IRREGULAR_NOUNS).map(([s, p]) => [p, s]));

/**
 * Guess the lemma of a lowercased word form. `known` (lemmas of a lexicon) settles the
 * ambiguous cases: `stopped` → `stop` only if `stop` is known, else `stopp` is not tried.
 */
export function lemmatize(word: string, known?: (lemma: string) => boolean): string {
  const w = word.toLowerCase();
  const irregular = PAST_TO_LEMMA.get(w) ?? PLURAL_TO_LEMMA.get(w);
  if (irregular) return irregular;
  const candidates: string[] = [];
  if (w.endsWith("ies") && w.length > 4) candidates.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ied") && w.length > 4) candidates.push(`${w.slice(0, -3)}y`);
  if (w.endsWith("ing") && w.length > 5) {
    const stem = w.slice(0, -3);
    candidates.push(stem, `${stem}e`);
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
      candidates.push(stem.slice(0, -1));
    if (stem.endsWith("y")) candidates.push(`${stem.slice(0, -1)}ie`);
  }
  if (w.endsWith("ed") && w.length > 4) {
    const stem = w.slice(0, -2);
    candidates.push(stem, `${stem}e`);
    if (stem.length > 2 && stem[stem.length - 1] === stem[stem.length - 2])
      candidates.push(stem.slice(0, -1));
  }
  if (w.endsWith("es") && w.length > 3) candidates.push(w.slice(0, -2), w.slice(0, -1));
  else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length > 3)
    candidates.push(w.slice(0, -1));
  if (known) {
    if (known(w)) return w;
    for (const c of candidates) if (known(c)) return c;
    return w;
  }
  // Without a lexicon, prefer the rule that needs no guess about a dropped e or a doubling.
  if (w.endsWith("ies") || w.endsWith("ied")) return candidates[0] as string;
  if (w.endsWith("ing") && w.length > 5) {
    const stem = w.slice(0, -3);
    if (
      stem.length > 2 &&
      stem[stem.length - 1] === stem[stem.length - 2] &&
      !/(ll|ss|ff)$/.test(stem)
    )
      return stem.slice(0, -1);
    return /[^aeiou][aeiou][bcdfgkmnprstvz]$/.test(stem) && !/(en|er|on)$/.test(stem)
      ? `${stem}e`
      : stem;
  }
  if (w.endsWith("ed") && w.length > 4) {
    const stem = w.slice(0, -2);
    if (
      stem.length > 2 &&
      stem[stem.length - 1] === stem[stem.length - 2] &&
      !/(ll|ss|ff)$/.test(stem)
    )
      return stem.slice(0, -1);
    // "attacked" → attack, "seized" → seize (a vowel + consonant + e pattern).
    return /[^aeiou][aeiou][cgsvz]$|[^aeiou][aeiou][bdkt]$/.test(stem) &&
      !/(ack|ock|eck|ick|uck)$/.test(stem)
      ? `${stem}e`
      : stem;
  }
  if (w.endsWith("ches") || w.endsWith("shes") || w.endsWith("sses") || w.endsWith("xes"))
    return w.slice(0, -2);
  if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && w.length > 3)
    return w.slice(0, -1);
  return w;
}

const lemmaCache = new Map<string, string>();

/** `lemmatize(word)` without a lexicon, cached: the hot path asks for the same words often. */
export function lemmaOf(word: string): string {
  let l = lemmaCache.get(word);
  if (l === undefined) {
    l = lemmatize(word);
    if (lemmaCache.size > 50000) lemmaCache.clear();
    lemmaCache.set(word, l);
  }
  return l;
}
