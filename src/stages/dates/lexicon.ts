import { readFileSync } from "node:fs";

/** The calendar lexicon (lexicon/calendar.json), loaded once per process. */
export interface CalendarLexicon {
  /** Lowercased month form (`dec`, `december`) → 1..12. */
  months: Map<string, number>;
  /** Full month names, lowercased: only these may stand alone without a day or year. */
  fullMonths: Set<string>;
  /** Lowercased weekday form → ISO weekday 1..7. */
  weekdays: Map<string, number>;
  fullWeekdays: Set<string>;
  /** Lowercased number word or phrase → value. */
  numbers: Map<string, number>;
  vagueNumbers: Set<string>;
  ordinals: Map<string, number>;
  /** Lowercased unit word → unit code (`D`, `W`, `M`, `Y`, `DE`, `CE`, `H`, `MIN`, `S`, `Q`, `2W`). */
  units: Map<string, string>;
  /** Season word → TIMEX3 season code (`SU`). */
  seasons: Map<string, string>;
  /** Part of day → TIMEX3 code (`MO`, `AF`, `EV`, `NI`). */
  partsOfDay: Map<string, string>;
  /** Vague expression → TIMEX3 reference value (`PAST_REF`). */
  vague: Map<string, string>;
  cues: {
    future: Set<string>;
    futureBeforeTo: Set<string>;
    past: Set<string>;
    perfect: Set<string>;
    notPastParticiple: Set<string>;
    notPastEd: Set<string>;
  };
}

interface CalendarFile {
  months: Record<string, string[]>;
  weekdays: Record<string, string[]>;
  numbers: Record<string, number>;
  vagueNumbers: string[];
  ordinals: Record<string, number>;
  units: Record<string, string>;
  seasons: Record<string, string>;
  partsOfDay: Record<string, string>;
  vague: Record<string, string>;
  cues: Record<
    "future" | "futureBeforeTo" | "past" | "perfect" | "notPastParticiple" | "notPastEd",
    string[]
  >;
}

const lower = (list: string[]): Set<string> => new Set(list.map((w) => w.toLowerCase()));

function numbered(record: Record<string, string[]>): {
  all: Map<string, number>;
  full: Set<string>;
} {
  const all = new Map<string, number>();
  const full = new Set<string>();
  for (const [n, forms] of Object.entries(record)) {
    forms.forEach((form, i) => {
      all.set(form.toLowerCase(), Number(n));
      if (i === 0) full.add(form.toLowerCase());
    });
  }
  return { all, full };
}

export function loadCalendarLexicon(): CalendarLexicon {
  const file = JSON.parse(
    readFileSync(new URL("./lexicon/calendar.json", import.meta.url), "utf8"),
  ) as CalendarFile;
  const months = numbered(file.months);
  const weekdays = numbered(file.weekdays);
  return {
    months: months.all,
    fullMonths: months.full,
    weekdays: weekdays.all,
    fullWeekdays: weekdays.full,
    numbers: new Map(Object.entries(file.numbers)),
    vagueNumbers: lower(file.vagueNumbers),
    ordinals: new Map(Object.entries(file.ordinals)),
    units: new Map(Object.entries(file.units)),
    seasons: new Map(Object.entries(file.seasons)),
    partsOfDay: new Map(Object.entries(file.partsOfDay)),
    vague: new Map(Object.entries(file.vague)),
    cues: {
      future: lower(file.cues.future),
      futureBeforeTo: lower(file.cues.futureBeforeTo),
      past: lower(file.cues.past),
      perfect: lower(file.cues.perfect),
      notPastParticiple: lower(file.cues.notPastParticiple),
      notPastEd: lower(file.cues.notPastEd),
    },
  };
}

/** A regex alternation of the given words, longest first so that `June` beats `Jun`. */
export function alternation(words: Iterable<string>): string {
  return [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+"))
    .join("|");
}
