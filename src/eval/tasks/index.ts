/** Every evaluation task, in the order of the pipeline's stages. */
import { datesTask } from "./dates.ts";
import { cameoTask, eventsTask } from "./events.ts";
import { nerTask } from "./ner.ts";
import { placesTask } from "./places.ts";
import { quotesTask } from "./quotes.ts";
import { storiesTask } from "./stories.ts";
import type { EvalTask } from "./task.ts";

export const tasks: readonly EvalTask[] = [
  nerTask,
  datesTask,
  placesTask,
  eventsTask,
  cameoTask,
  quotesTask,
  storiesTask,
];

/** `events` selects `events` and its variants (`events-cameo`). */
export function selectTasks(names: readonly string[] | undefined): EvalTask[] {
  if (!names || names.length === 0) return [...tasks];
  const picked = tasks.filter((t) => names.some((n) => t.name === n || t.name.startsWith(`${n}-`)));
  const unknown = names.filter(
    (n) => !tasks.some((t) => t.name === n || t.name.startsWith(`${n}-`)),
  );
  if (unknown.length > 0) {
    const known = [...new Set(tasks.map((t) => t.name.split("-")[0]))].join(", ");
    throw new Error(`unknown task ${unknown.join(", ")} (tasks: ${known})`);
  }
  return picked;
}
