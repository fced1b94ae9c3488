import { Command } from "commander";
import { maxBytesOption, readInputs } from "../inputs.ts";
import { CliError, ExitCode, setExitCode, writeOut } from "../io.ts";
import { concurrencyOption, lexiconOption, pipelineOptionsFrom } from "../options.ts";
import { createProgress } from "../progress.ts";

interface ExtractOptions {
  concurrency: number;
  lexicon?: string[];
  maxBytes: number;
}

export function extractCommand(): Command {
  return new Command("extract")
    .description(
      "Annotate each input and print one annotated document per line on stdout, in input\n" +
        "order: DESIGN.md's output contract. Inputs are .txt, .html, .json, .jsonl files,\n" +
        "directories (read recursively) and - for JSON lines on stdin. Inputs that cannot be\n" +
        "read are reported on stderr and skipped; the exit code is then 1.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline extract examples/000_c1e55ffcabdf0152.txt
  dateline extract corpus/ --concurrency 4 > annotated.jsonl
  cat articles.jsonl | dateline extract - | jq '.events[] | .type'
`,
    )
    .argument("<inputs...>", "files, directories, or - for JSON lines on stdin")
    .addOption(concurrencyOption())
    .addOption(lexiconOption())
    .addOption(maxBytesOption())
    .action(async (inputs: string[], options: ExtractOptions) => {
      // Loaded here, not at the top: the stages and their models are needed only now,
      // so --help and usage errors answer at once.
      const { processAll, RunError } = await import("../../run/index.ts");
      const progress = createProgress("extracted", { inputs });
      try {
        const results = processAll(readInputs(inputs, { maxBytes: options.maxBytes }), {
          concurrency: options.concurrency,
          pipeline: pipelineOptionsFrom(options),
        });
        for await (const result of results) {
          progress.tick(result.ok, result.ok ? result.origin : result.failure.origin);
          if (result.ok) {
            await writeOut(`${JSON.stringify(result.doc)}\n`);
          } else {
            // Set now, so a run cut short by a closed pipe still says inputs failed.
            setExitCode(ExitCode.partial);
            const { origin, reason, rule } = result.failure;
            progress.log(`dateline: skipped ${origin}: ${reason} (${rule})`);
          }
        }
      } catch (error) {
        if (error instanceof RunError) throw new CliError(error.message, ExitCode.failure);
        throw error;
      } finally {
        progress.done();
      }
    });
}
