/**
 * CAMEO codes for coded events. PLOVER is our scheme, but GDELT users and CAMEO-coded data
 * sets read CAMEO's event codes and its quad classes, which are not PLOVER's: CAMEO 02
 * appeals are statements (PLOVER: REQUEST, verbal conflict), 08 "yield" (easing
 * restrictions, acceding to demands, releasing people) is material cooperation (PLOVER:
 * CONCEDE, verbal cooperation), 055 apologies are verbal cooperation, 116 "find guilty" and
 * 16 "reduce relations" (sanctions, expulsions, cutting aid) are verbal conflict (PLOVER:
 * SANCTION, material conflict). So each trigger row of the lexicon names the CAMEO code it
 * corresponds to (the `cameo` column, written from the CAMEO codebook's definitions and the
 * CAMEO2PLOVER correspondence), and this module supplies what a row cannot know: a default
 * code per PLOVER type and mode, and the code of a governor from its complement (`called on
 * X to release` → 0253 "appeal for the release of persons", `vowed to attack` → 138
 * "threaten with military force").
 *
 * CAMEO's classes (`cameoClass`): 01–02 statement, 03–05 verbal cooperation, 06–08 material
 * cooperation, 09–13 and 16 verbal conflict, 14–15 and 17–20 material conflict. These are the
 * classic CAMEO quad boundaries (GDELT's QuadClass, with statements split off) and the ones
 * the ConfliBERT CAMEO labels follow, 16 included: measured in docs/events.md.
 */
import type { EventType, Quad } from "../../core/annotations.ts";

/** CAMEO's five classes: its quad classes plus 01–02 "make a statement", "appeal". */
export type CameoClass = "statement" | Quad;

/**
 * The most general CAMEO code of each PLOVER type and mode, from CAMEO2PLOVER read backwards.
 * REQUEST defaults to CAMEO 10 "demand" (the only root CAMEO2PLOVER maps to it); rows for
 * appeals (`call on`, `urge`, `ask`) say 02 themselves.
 */
const BY_TYPE: Record<EventType, string> = {
  AGREE: "030",
  CONSULT: "040",
  SUPPORT: "050",
  CONCEDE: "080",
  COOPERATE: "060",
  AID: "070",
  RETREAT: "080",
  REQUEST: "100",
  ACCUSE: "110",
  REJECT: "120",
  THREATEN: "130",
  PROTEST: "140",
  SANCTION: "160",
  MOBILIZE: "150",
  COERCE: "170",
  ASSAULT: "190",
};

/** `TYPE/mode` → code, where the mode alone says which CAMEO code it is. */
const BY_MODE: Readonly<Record<string, string>> = {
  "CONSULT/phone": "041",
  "CONSULT/visit": "042",
  "CONSULT/third-party": "045",
  "RETREAT/release": "0841",
  "RETREAT/withdraw": "0874",
  "RETREAT/disarm": "0873",
  "RETREAT/ceasefire": "0871",
  "RETREAT/resign": "0831",
  "ACCUSE/investigate": "090",
  "ACCUSE/disapprove": "111",
  "ACCUSE/allege": "112",
  "THREATEN/violence": "138",
  "THREATEN/relations": "131",
  "THREATEN/restrict": "132",
  "THREATEN/expel": "136",
  "THREATEN/territory": "1382",
  "THREATEN/arrest": "137",
  "PROTEST/demo": "141",
  "PROTEST/hunger": "142",
  "PROTEST/strike": "143",
  "PROTEST/boycott": "143",
  "PROTEST/obstruct": "144",
  "PROTEST/riot": "145",
  "SANCTION/withdraw": "161",
  "SANCTION/discontinue": "162",
  "SANCTION/expel": "166",
  "SANCTION/convict": "116",
  "MOBILIZE/police": "153",
  "MOBILIZE/troops": "154",
  "MOBILIZE/weapons": "150",
  "COERCE/arrest": "173",
  "COERCE/seize": "171",
  "COERCE/restrict": "172",
  "COERCE/curfew": "1723",
  "COERCE/martial-law": "1724",
  "COERCE/deport": "174",
  "COERCE/censor": "1721",
  "ASSAULT/firearms": "193",
  "ASSAULT/heavy-weapons": "194",
  "ASSAULT/aerial": "195",
  "ASSAULT/drone": "195",
  "ASSAULT/explosives": "183",
  "ASSAULT/suicide-attack": "1831",
  "ASSAULT/targeted": "186",
  "ASSAULT/abduct": "181",
  "ASSAULT/beat": "182",
  "ASSAULT/sexual": "1821",
  "ASSAULT/torture": "1822",
  "ASSAULT/destroy": "1712",
  "ASSAULT/crowd-control": "175",
  "ASSAULT/primitive": "180",
};

/** Whether `mode` of `type` names a CAMEO code of its own. */
export function hasModeCode(type: EventType, mode: string | null): boolean {
  return mode !== null && `${type}/${mode}` in BY_MODE;
}

/** The CAMEO code of a PLOVER type and mode when no trigger row says better. */
export function defaultCameo(type: EventType, mode: string | null): string {
  return (mode !== null ? BY_MODE[`${type}/${mode}`] : undefined) ?? BY_TYPE[type];
}

/** A CAMEO code: two to four digits whose first two are a root from 01 to 20. */
export function isCameoCode(code: string): boolean {
  if (!/^\d{2,4}$/.test(code)) return false;
  const root = Number(code.slice(0, 2));
  return root >= 1 && root <= 20;
}

/** The root (first two digits) as a number, 1–20. */
export function cameoRoot(code: string): number {
  return Number(code.slice(0, 2));
}

/** CAMEO's class of a code: see the header comment. */
export function cameoClass(code: string): CameoClass {
  const root = cameoRoot(code);
  if (root <= 2) return "statement";
  if (root <= 5) return "verbal-cooperation";
  if (root <= 8) return "material-cooperation";
  if (root <= 13 || root === 16) return "verbal-conflict";
  return "material-conflict";
}

/** GDELT's QuadClass: 1 verbal cooperation (CAMEO 01–05, statements folded in), 2, 3, 4. */
export function gdeltQuadClass(code: string): 1 | 2 | 3 | 4 {
  const c = cameoClass(code);
  if (c === "statement" || c === "verbal-cooperation") return 1;
  if (c === "material-cooperation") return 2;
  return c === "verbal-conflict" ? 3 : 4;
}

/**
 * The third digit CAMEO's appeal (02), demand (10), intent (03) and rejection (12) families
 * give to the kind of act asked for, promised or refused, by the act's root: material
 * cooperation 1, diplomatic cooperation 2, aid 3, yielding 5, meeting 6, settling 7.
 */
const ASKED_FOR: Readonly<Record<number, string>> = {
  6: "1",
  5: "2",
  7: "3",
  8: "5",
  4: "6",
  3: "7",
};
/** The fourth digit within "yield" (`0253` appeal for release) by the yielding act's code. */
const YIELD_KIND: Readonly<Record<string, string>> = {
  "081": "1",
  "082": "2",
  "084": "3",
  "085": "4",
  "086": "5",
  "087": "6",
};

function askedFor(family: "02" | "10" | "03" | "12", act: string): string {
  const root = cameoRoot(act);
  // A change of leadership (resign, 0831) is asked for as political reform: 0241, 1041.
  if (act.startsWith("083")) {
    if (family === "12") return "1231";
    if (family === "03") return "0341";
    return `${family}41`;
  }
  let digit = ASKED_FOR[root];
  if (digit === undefined) return `${family}0`;
  // Rejections: of aid 122, of yielding 124, of meeting 125, of settling 127, else 121.
  if (family === "12") {
    digit =
      root === 6
        ? "1"
        : root === 7
          ? "2"
          : root === 8
            ? "4"
            : root === 4
              ? "5"
              : root === 3
                ? "7"
                : "0";
    if (digit === "0") return "120";
  }
  // Intents have no "settle" of an agreement: agreeing to agree is 030.
  if (family === "03" && root === 3) return "030";
  if (family === "03" && root === 5) return "032";
  const base = `${family}${digit}`;
  // Fourth digits: the kind of cooperation or aid (0311 economic … 0334 peacekeeping) and
  // of yielding (0351 administrative sanctions … 0356 de-escalation).
  if ((root === 6 || root === 7) && act.length >= 3 && /[1-4]/.test(act[2] as string)) {
    return `${base}${act[2]}`;
  }
  if (root === 8) {
    const kind = YIELD_KIND[act.slice(0, 3)];
    if (kind) return `${base}${kind}`;
  }
  return base;
}

/** A threat's code from what is threatened (`threatened to impose sanctions` → 1312). */
function threatOf(act: string): string {
  const root = cameoRoot(act);
  const base = act.slice(0, 3);
  if (root === 16) {
    if (base === "161") return "1313";
    if (base === "162") return "1311";
    if (base === "163") return "1312";
    if (base === "164") return "134";
    if (base === "165") return "135";
    if (base === "166") return "136";
    return "131";
  }
  if (root === 17) {
    if (act.startsWith("1721")) return "1321";
    if (act.startsWith("1722")) return "1322";
    if (act.startsWith("1723")) return "1323";
    if (act.startsWith("1724")) return "1324";
    if (base === "172") return "132";
    if (base === "175") return "137";
    return "131";
  }
  if (root === 14) return "133";
  if (base === "191") return "1381";
  if (base === "192") return "1382";
  if (act.startsWith("204")) return "1385";
  if (root >= 15) return "138";
  return "130";
}

/**
 * The code of an event whose type is `type`, whose own code is `own`, and which governs or
 * recodes an act whose code is `act` (a complement, or the trigger's reading before the
 * coder turned a planned aid into AGREE, a refused meeting into REJECT, …).
 */
export function composeCameo(type: EventType, own: string, act: string): string {
  const root = cameoRoot(own);
  if (root === 2) return askedFor("02", act);
  if (root === 10) return askedFor("10", act);
  switch (type) {
    case "AGREE":
      return cameoRoot(act) >= 3 && cameoRoot(act) <= 8 ? askedFor("03", act) : own;
    case "CONCEDE":
      // A planned retreat (`will release`) is an intent to yield: 035x.
      return cameoRoot(act) === 8 && root === 8 && act !== own ? askedFor("03", act) : own;
    case "REJECT":
      return cameoRoot(act) >= 3 && cameoRoot(act) <= 8 ? askedFor("12", act) : own;
    case "AID":
      // Troops deployed to keep the peace: 074 "provide military protection or peacekeeping".
      return cameoRoot(act) === 15 ? "074" : own;
    case "THREATEN":
      return threatOf(act);
    default:
      return own;
  }
}
