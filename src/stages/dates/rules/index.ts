/**
 * The rules in priority order. Overlapping matches are settled by length first (the longest
 * expression wins: `late last July` over `July`, `15:00 GMT Saturday` over `Saturday`), then
 * by this order: explicit calendar dates before relative ones, durations last, since
 * `a week` inside `last week` must not win a tie.
 */
import type { Grammar } from "../grammar.ts";
import type { Rule } from "../types.ts";
import { anaphoricRules } from "./anaphoric.ts";
import { durationRules } from "./duration.ts";
import { holidayRules } from "./holiday.ts";
import { monthRules } from "./month.ts";
import { numericRules } from "./numeric.ts";
import { relativeDayRules } from "./relative-day.ts";
import { relativeUnitRules } from "./relative-unit.ts";
import { seasonRules } from "./season.ts";
import { setRules } from "./set.ts";
import { timeOfDayRules } from "./time-of-day.ts";
import { vagueRules } from "./vague.ts";
import { weekdayRules } from "./weekday.ts";
import { yearRules } from "./year.ts";

export function buildRules(g: Grammar): Rule[] {
  return [
    ...numericRules(g),
    ...timeOfDayRules(g),
    ...monthRules(g),
    ...yearRules(g),
    ...holidayRules(g),
    ...weekdayRules(g),
    ...relativeDayRules(g),
    ...relativeUnitRules(g),
    ...seasonRules(g),
    ...setRules(g),
    ...durationRules(g),
    ...vagueRules(g),
    ...anaphoricRules(g),
  ];
}
