/**
 * Headlines for the split-pass tests (made up, in the style of the UCI dev headlines), shared
 * by the clusterer's and the store pass's tests.
 */
import type { StoryInput } from "./cluster.ts";

const pick = (xs: readonly string[], i: number): string => xs[i % xs.length] as string;

/**
 * Two stories that share one name: a dozen headlines on an iPhone design concept, then a
 * burst on an iOS release whose first headline also says "Apple" (so it joins the concept
 * story, and the burst follows it there), as on the UCI dev data.
 */
export function sharedNameStories(): { concept: StoryInput[]; release: StoryInput[] } {
  const at = (i: number) => new Date(Date.UTC(2014, 2, 11, 1, 0, i)).toISOString();
  const headline = (text: string, i: number): StoryInput => ({
    id: `h${i}`,
    text,
    published: "2014-03-11",
    timestamp: at(i),
  });
  const concept = Array.from({ length: 12 }, (_, i) =>
    headline(
      `${pick(["Apple iPhone 6 concept", "iPhone 6 concept", "Designer's iPhone 6 concept", "New iPhone 6 render"], i)} ` +
        `${pick(["shows", "imagines", "has", "flaunts"], i * 3 + 1)} ` +
        `${pick(["curved glass", "a sapphire screen", "no bezels", "a thinner body", "a bigger display"], i * 7 + 2)}`,
      i,
    ),
  );
  const release = Array.from({ length: 46 }, (_, i) =>
    headline(
      i === 0
        ? "Apple iOS 7.1 arrives with CarPlay and speed fixes"
        : `${pick(["iOS 7.1", "iOS 7.1 update", "The iOS 7.1 release", "Download iOS 7.1:"], i)} ` +
            `${pick(["brings", "adds", "delivers", "rolls out", "ships"], i * 3 + 1)} ` +
            `${pick(["CarPlay", "faster animations", "Siri tweaks", "battery fixes", "Touch ID fixes", "a calendar view"], i * 5 + 2)}`,
      12 + i,
    ),
  );
  return { concept, release };
}
