import { InvalidArgumentError, Option } from "commander";
import { type MergeOptions, mergeDefaults } from "../stories/events.ts";
import { nonNegativeInteger, nonNegativeNumber } from "./options.ts";

/** A count of actor, recipient and place: 0 to 3. */
function agreementCount(value: string): number {
  const n = nonNegativeInteger(value);
  if (n > 3) throw new InvalidArgumentError(`expected 0, 1, 2 or 3, not "${value}"`);
  return n;
}

/** A share: 0 to 1. */
function share(value: string): number {
  const n = nonNegativeNumber(value);
  if (n > 1) throw new InvalidArgumentError(`expected a number from 0 to 1, not "${value}"`);
  return n;
}

/** The merge rule on the command line: each flag and the rule's value it sets. */
export const MERGE_FLAGS: {
  key: keyof MergeOptions;
  flag: string;
  help: string;
  parse: (value: string) => number;
}[] = [
  {
    key: "maxDistanceKm",
    flag: "--merge-distance-km <km>",
    help: "merged events: places further apart than this are different places",
    parse: nonNegativeNumber,
  },
  {
    key: "dateSlackDays",
    flag: "--merge-date-slack-days <days>",
    help: "merged events: dates this many days apart still overlap",
    parse: nonNegativeNumber,
  },
  {
    key: "lookbackDays",
    flag: "--merge-lookback-days <days>",
    help: 'merged events: an open-ended date ("recently") reaches back this far',
    parse: nonNegativeNumber,
  },
  {
    key: "maxIntervalDays",
    flag: "--merge-max-interval-days <days>",
    help: "merged events: an event dated more vaguely than this never merges",
    parse: nonNegativeNumber,
  },
  {
    key: "minAgreements",
    flag: "--merge-min-agreements <n>",
    help: "merged events: how many of actor, recipient and place must agree besides type and date (0 to 3)",
    parse: agreementCount,
  },
  {
    key: "undatedAgreements",
    flag: "--merge-undated-agreements <n>",
    help: "merged events: how many must agree where a report or the event has no day of its own from the text (0 to 3)",
    parse: agreementCount,
  },
  {
    key: "wordingOverlap",
    flag: "--merge-wording-overlap <share>",
    help: "merged events: reports in one story worded this much alike (0 to 1, 0 off) count as agreeing where the arguments do not",
    parse: share,
  },
];

/** The --merge options, made afresh for each command. */
export function mergeRuleOptions(): Option[] {
  return MERGE_FLAGS.map(({ key, flag, help, parse }) =>
    new Option(flag, `${help} (default: ${mergeDefaults[key]})`).argParser(parse),
  );
}

/** The rule's values given on the command line (the parsed options of `mergeRuleOptions`). */
export function mergeRuleFrom(options: object): MergeOptions {
  const rule: MergeOptions = {};
  for (const { key, flag } of MERGE_FLAGS) {
    const value = (options as Record<string, unknown>)[new Option(flag).attributeName()];
    if (typeof value === "number") rule[key] = value;
  }
  return rule;
}

/** A rule's value as the flag that sets it, for messages. */
export function flagOf(key: keyof MergeOptions): string {
  return MERGE_FLAGS.find((m) => m.key === key)?.flag.split(" ")[0] ?? key;
}
