import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { describe, it } from "node:test";
import {
  type ClustererState,
  type ClusterOptions,
  clusterDefaults,
  StoryClusterer,
  type StoryInput,
} from "./cluster.ts";
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

/** The clusterer as it was before folding: every join lax, nothing waits, no split pass. */
const LAX_JOINS: ClusterOptions = { threshold: 0.03, foldSize: 0, minSplit: 0 };

const articles: StoryInput[] = headlines.map(([timestamp, text], i) => ({
  id: `a${i}`,
  text,
  published: timestamp.slice(0, 10),
  timestamp,
}));

/** The UCI dev headlines with their gold story ids, in time order; none without ../shared. */
function readUci(): (StoryInput & { story: string })[] {
  const file = "../shared/data/stories/uci-news-dev.jsonl";
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as StoryInput & { story: string });
}

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

  it("keeps an archive read out of order from joining stories months apart", () => {
    const add = (c: StoryClusterer, id: string, text: string, published: string) =>
      c.add({ id, text, published });
    const clusterer = new StoryClusterer({ windowDays: 3 });
    const september = add(clusterer, "s1", "Clinton and Trump debate taxes", "2016-09-06");
    assert.equal(add(clusterer, "s2", "Trump taxes dominate debate", "2016-09-07"), september);
    // The same words ten months earlier: before the story's window, so a story of its own,
    // although its time is not after the story's latest article.
    assert.ok(clusterer.behind({ id: "n1", text: "", published: "2015-11-09" }));
    assert.ok(!clusterer.behind({ id: "s3", text: "", published: "2016-09-05" }));
    assert.ok(!clusterer.behind({ id: "u", text: "", published: null }));
    const november = add(clusterer, "n1", "Trump and Clinton debate taxes", "2015-11-09");
    assert.notEqual(november, september);
    assert.equal(add(clusterer, "n2", "Clinton, Trump debate over taxes", "2015-11-10"), november);
    // Two days before the September story's first article is within its window.
    assert.equal(add(clusterer, "s0", "Trump taxes debate ahead", "2016-09-04"), september);
    // The two stories match both ways, but are too far apart in time to merge...
    assert.equal(clusterer.resolve(november), november);
    assert.equal(clusterer.resolve(september), september);
    // ...and the earliest time is kept with the saved state.
    const again = new StoryClusterer(
      { windowDays: 3 },
      JSON.parse(JSON.stringify(clusterer.state())),
    );
    assert.notEqual(add(again, "x", "Trump taxes and the debate", "2016-08-01"), september);
    assert.equal(add(again, "y", "Trump taxes and the debate", "2016-09-03"), september);
  });

  it("folds no story into one months away", () => {
    const clusterer = new StoryClusterer({ windowDays: 3 });
    const add = (id: string, text: string, published: string) =>
      clusterer.add({ id, text, published });
    const september = add("s1", "Clinton and Trump debate taxes", "2016-09-06");
    add("s2", "Trump taxes dominate debate", "2016-09-07");
    const november = add("n1", "Trump and Clinton debate taxes", "2015-11-09");
    // The end of the collection: every small story is judged for folding at once.
    clusterer.flush();
    assert.equal(clusterer.resolve(november), november);
    assert.equal(clusterer.resolve(september), september);
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

  it("keeps a burst apart from an older story it shares one name with", () => {
    const { concept, release } = sharedNameStories();
    const articles = [...concept, ...release];
    const story = (options: ClusterOptions) => {
      const stories = clusterStories(articles, options);
      return (a: StoryInput) => stories.get(a.id);
    };
    const apart = (of: (a: StoryInput) => string | undefined) => {
      const conceptStory = of(concept[0] as StoryInput);
      const releaseStory = of(release[0] as StoryInput);
      assert.notEqual(conceptStory, releaseStory);
      assert.ok(concept.every((a) => of(a) === conceptStory));
      assert.ok(release.every((a) => of(a) === releaseStory));
    };
    // A lax join without folding or the split pass: the burst's first headline joins the
    // concept story on "Apple", and the burst follows it there.
    const joined = story(LAX_JOINS);
    assert.ok(release.every((a) => joined(a) === joined(concept[0] as StoryInput)));
    // The split pass undoes that join...
    apart(story({ ...LAX_JOINS, minSplit: clusterDefaults.minSplit }));
    // ...and the strict join with folding never makes it.
    apart(story({}));
  });

  it("folds a headline that only half fits a story once no story forms around it", () => {
    const { release } = sharedNameStories();
    const clusterer = new StoryClusterer({ foldAfter: 5 });
    const story = release
      .slice(0, 20)
      .map((a) => clusterer.add(a))
      .at(-1);
    clusterer.takeMerges();
    // "CarPlay" alone, with words the story lacks: under the join threshold, over the fold's.
    const stray = { ...(release[0] as StoryInput), id: "stray" };
    stray.text = "Ferrari dashboard gets CarPlay at Geneva";
    const own = clusterer.add(stray);
    assert.notEqual(own, story);
    assert.equal(clusterer.storyOf("stray"), own);
    for (const a of release.slice(20, 24)) clusterer.add(a);
    assert.equal(clusterer.storyOf("stray"), own, "still waiting: four articles passed");
    clusterer.add(release[24] as StoryInput);
    assert.equal(clusterer.storyOf("stray"), story);
    assert.deepEqual(clusterer.takeMerges(), [{ from: own, into: story }]);
  });

  it("keeps a story of its own when nothing accounts for it", () => {
    const { release } = sharedNameStories();
    const clusterer = new StoryClusterer({ foldAfter: 5 });
    for (const a of release.slice(0, 10)) clusterer.add(a);
    const own = clusterer.add({
      ...(release[0] as StoryInput),
      id: "x",
      text: "Sbarro files for bankruptcy",
    });
    for (const a of release.slice(10, 20)) clusterer.add(a);
    clusterer.flush();
    assert.equal(clusterer.storyOf("x"), own);
  });

  it("keeps a story whose headlines vary around one subject whole", () => {
    const { release } = sharedNameStories();
    const stories = clusterStories(release);
    assert.equal(new Set(stories.values()).size, 1);
  });

  it("merges two pieces of one story when most of each one's headlines would join the other", (t) => {
    const records = readUci();
    if (records.length === 0) return t.skip("../shared/data not present");
    const goldOf = (text: string) => records.find((r) => r.text === text)?.story;
    // Our clusters holding the gold story whose headline is `text`, with how many of its
    // headlines each holds, largest first.
    const pieces = (clusters: Map<string, string>, text: string): [string, number][] => {
      const counts = new Map<string, number>();
      for (const r of records) {
        if (r.story !== goldOf(text)) continue;
        const c = clusters.get(r.id) as string;
        counts.set(c, (counts.get(c) ?? 0) + 1);
      }
      return [...counts].sort((a, b) => b[1] - a[1]);
    };
    const sizes = (ps: [string, number][]) => ps.map(([, n]) => n);
    const cosmos = "Go on a journey with 'Cosmos'";
    // The show's headlines and those on its host, Neil deGrasse Tyson, as two pieces...
    const apart = sizes(pieces(clusterStories(records, { crossMerge: 0 }), cosmos));
    assert.ok((apart[1] ?? 0) >= 20, `two pieces without it: ${apart.join("+")}`);
    // ...that meet once one goes quiet.
    const clusters = clusterStories(records);
    const whole = sizes(pieces(clusters, cosmos));
    assert.ok((whole[0] as number) >= 85, `one story of 90: ${whole.join("+")}`);
    // Two bankruptcy filings of that day share the words of the kind of news, not a story.
    assert.notEqual(
      pieces(clusters, "Pizza-maker Sbarro filing for Chapter 11")[0]?.[0],
      pieces(clusters, "Bitcoin Exchange Mt. Gox Seeks US Bankruptcy Relief")[0]?.[0],
    );
  });

  it("clusters the UCI headlines from saved states exactly as in one run", (t) => {
    const records = readUci();
    if (records.length === 0) return t.skip("../shared/data not present");
    const run = (every: number) => {
      let clusterer = new StoryClusterer();
      const assigned = new Map<string, number>();
      records.forEach((r, i) => {
        if (i > 0 && i % every === 0) {
          clusterer = new StoryClusterer({}, JSON.parse(JSON.stringify(clusterer.state())));
        }
        assigned.set(r.id, clusterer.add(r));
        // As the store pass relabels stored articles: a restored clusterer keeps no record
        // of the merges made before it.
        for (const m of clusterer.takeMerges()) {
          for (const [id, story] of assigned) if (story === m.from) assigned.set(id, m.into);
        }
        for (const split of clusterer.takeSplits()) {
          for (const id of split.articles) assigned.set(id, split.into);
        }
      });
      return assigned;
    };
    assert.deepEqual(run(250), run(Number.POSITIVE_INFINITY));
  });

  it("never merges back a part the split pass cut off", () => {
    // Two live stories alike enough for the merge rule, as a part and the story it left
    // become when both keep taking articles on the same words.
    const story = (id: number, apart?: number[]) => ({
      id,
      terms: [
        ["io", 10],
        ["7.1", 10],
        ["update", 6],
      ] as [string, number][],
      size: 10,
      last: Date.parse("2014-03-11T01:00:00Z"),
      members: [],
      checked: 10,
      grewAt: 20,
      ...(apart ? { apart } : {}),
    });
    const state = (parted: boolean): ClustererState => ({
      version: 1,
      documents: 20,
      documentFrequency: [
        ["io", 20],
        ["7.1", 20],
        ["update", 12],
        ["ipad", 1],
      ],
      nextId: 2,
      stories: [story(0, parted ? [1] : undefined), story(1, parted ? [0] : undefined)],
    });
    const article = {
      id: "x",
      text: "iOS 7.1 update for iPad",
      published: "2014-03-11",
      timestamp: "2014-03-11T01:01:00Z",
    };
    const alike = new StoryClusterer({}, state(false));
    alike.add(article);
    assert.deepEqual(alike.takeMerges(), [{ from: 1, into: 0 }]);
    const parted = new StoryClusterer({}, state(true));
    parted.add(article);
    assert.deepEqual(parted.takeMerges(), []);
    assert.deepEqual(
      parted.state().stories.map((s) => s.apart),
      [[1], [0]],
    );
  });

  it("continues splits and folds from a saved state exactly as an uninterrupted run would", () => {
    const { concept, release } = sharedNameStories();
    // Strays that fold, between the bursts, so that folds wait across the saved state.
    const stray = (id: string, text: string): StoryInput => ({
      ...(concept[0] as StoryInput),
      id,
      text,
    });
    const articles = [
      ...concept.slice(0, 6),
      stray("s1", "Sapphire screen maker expands plant"),
      ...concept.slice(6),
      ...release.slice(0, 10),
      stray("s2", "Ferrari dashboard gets CarPlay at Geneva"),
      ...release.slice(10),
    ];
    const run = (clusterer: StoryClusterer, part: readonly StoryInput[]) =>
      part.map((a) => [clusterer.add(a), clusterer.takeSplits(), clusterer.takeMerges()]);
    for (const options of [
      { foldAfter: 8 },
      { ...LAX_JOINS, minSplit: clusterDefaults.minSplit },
    ]) {
      const whole = run(new StoryClusterer(options), articles);
      for (const cut of [10, 25, 30]) {
        const first = new StoryClusterer(options);
        const got = run(first, articles.slice(0, cut));
        const saved = JSON.parse(JSON.stringify(first.state()));
        got.push(...run(new StoryClusterer(options, saved), articles.slice(cut)));
        assert.deepEqual(got, whole, `cut at ${cut}`);
      }
      const changes = whole.flatMap(([, splits, merges]) => [
        ...(splits as unknown[]),
        ...(merges as unknown[]),
      ]);
      assert.ok(changes.length > 0);
    }
  });
});
