import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { type ClusterOptions, StoryClusterer, type StoryInput } from "./cluster.ts";
import { clusterStories } from "./index.ts";
import { sharedNameStories } from "./test-headlines.ts";

const headlines: [string, string][] = [
  ["2014-03-10T10:00:00Z", "Snowden calls for oversight of US spying at SXSW"],
  ["2014-03-10T10:05:00Z", "Titanfall review roundup: critics praise the shooter"],
  ["2014-03-10T10:07:00Z", "Edward Snowden: encryption can protect web users"],
  ["2014-03-10T10:09:00Z", "Titanfall players may get banned for playing early"],
  ["2014-03-10T10:11:00Z", "Snowden says NSA reforms vindicate his leaks"],
  ["2014-03-10T10:12:00Z", "Microsoft hopes Titanfall will sell the Xbox One"],
  ["2014-03-10T10:20:00Z", "Sbarro pizza chain files for bankruptcy again"],
  ["2014-03-10T10:21:00Z", "Snowden testimony reaches the European Parliament"],
];

const articles: StoryInput[] = headlines.map(([timestamp, text], i) => ({
  id: `a${i}`,
  text,
  published: timestamp.slice(0, 10),
  timestamp,
}));

describe("StoryClusterer", () => {
  it("groups headlines that share their rare names and keeps others apart", () => {
    const stories = clusterStories(articles);
    const of = (i: number) => stories.get(`a${i}`);
    assert.equal(of(0), of(2));
    assert.equal(of(0), of(4));
    assert.equal(of(0), of(7));
    assert.equal(of(1), of(3));
    assert.equal(of(1), of(5));
    assert.notEqual(of(0), of(1));
    assert.notEqual(of(6), of(0));
    assert.notEqual(of(6), of(1));
  });

  it("continues from a saved state exactly as an uninterrupted run would", () => {
    const whole = new StoryClusterer();
    const expected = articles.map((a) => whole.add(a));
    const first = new StoryClusterer();
    const got = articles.slice(0, 4).map((a) => first.add(a));
    const saved = JSON.parse(JSON.stringify(first.state()));
    const second = new StoryClusterer({}, saved);
    got.push(...articles.slice(4).map((a) => second.add(a)));
    assert.deepEqual(got, expected);
  });

  it("drops stories outside the time window from the saved state", () => {
    const clusterer = new StoryClusterer({ windowDays: 1 });
    clusterer.add({ id: "old", text: "Sbarro files for bankruptcy", published: "2014-03-01" });
    clusterer.add({ id: "new", text: "Titanfall launches on Xbox", published: "2014-03-10" });
    const state = clusterer.state();
    assert.equal(state.stories.length, 1);
    assert.equal(state.documents, 2);
    // An article on the old story's subject now starts a new story.
    const again = new StoryClusterer({ windowDays: 1 }, state);
    const id = again.add({ id: "x", text: "Sbarro bankruptcy filing", published: "2014-03-10" });
    assert.ok(!state.stories.some((s) => s.id === id));
  });

  it("uses entity and place keys from annotated documents as features", () => {
    const base = { published: "2014-03-10" };
    const keyed = new StoryClusterer();
    const a = keyed.add({ ...base, id: "1", text: "Talks resume", keys: ["place:98182"] });
    const b = keyed.add({ ...base, id: "2", text: "Officials meet", keys: ["place:98182"] });
    assert.equal(a, b);
    const plain = new StoryClusterer();
    const c = plain.add({ ...base, id: "1", text: "Talks resume" });
    const d = plain.add({ ...base, id: "2", text: "Officials meet" });
    assert.notEqual(c, d);
  });

  it("splits off a burst that joined an older story on one shared name", () => {
    const { concept, release } = sharedNameStories();
    const articles = [...concept, ...release];
    const story = (options: ClusterOptions) => {
      const stories = clusterStories(articles, options);
      return (a: StoryInput) => stories.get(a.id);
    };
    // Without the split pass the release burst stays in the concept story.
    const joined = story({ minSplit: 0 });
    assert.ok(release.every((a) => joined(a) === joined(concept[0] as StoryInput)));
    const of = story({});
    const conceptStory = of(concept[0] as StoryInput);
    const releaseStory = of(release[0] as StoryInput);
    assert.notEqual(conceptStory, releaseStory);
    assert.ok(concept.every((a) => of(a) === conceptStory));
    assert.ok(release.every((a) => of(a) === releaseStory));
  });

  it("keeps a story whose headlines vary around one subject whole", () => {
    const { release } = sharedNameStories();
    const stories = clusterStories(release);
    assert.equal(new Set(stories.values()).size, 1);
  });

  it("continues a split from a saved state exactly as an uninterrupted run would", () => {
    const { concept, release } = sharedNameStories();
    const articles = [...concept, ...release];
    const run = (clusterer: StoryClusterer, part: readonly StoryInput[]) =>
      part.map((a) => [clusterer.add(a), clusterer.takeSplits(), clusterer.takeMerges()]);
    const whole = run(new StoryClusterer(), articles);
    const first = new StoryClusterer();
    const got = run(first, articles.slice(0, 30));
    const saved = JSON.parse(JSON.stringify(first.state()));
    got.push(...run(new StoryClusterer({}, saved), articles.slice(30)));
    assert.deepEqual(got, whole);
    assert.ok(whole.some(([, splits]) => (splits as unknown[]).length > 0));
  });
});
