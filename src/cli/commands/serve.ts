import { Command, Option } from "commander";
import { startServer } from "../../server/index.ts";
import { CliError, ExitCode } from "../io.ts";
import { openExistingStore } from "../open-store.ts";
import { dbOption, nonNegativeInteger } from "../options.ts";

interface ServeOptions {
  db: string;
  port: number;
  host: string;
  cors?: string;
}

export function serveCommand(): Command {
  return new Command("serve")
    .description(
      "Serve the store read-only over HTTP: a JSON API (described at /openapi.json) and a web\n" +
        "UI with a map, a timeline, the event list and each event's evidence in its text.\n" +
        "Binds 127.0.0.1 unless told otherwise; needs no internet. Stop it with Ctrl-C.",
    )
    .addHelpText(
      "before",
      `Examples:
  dateline serve                          # http://127.0.0.1:8080/
  dateline serve --db news.db --port 0    # any free port (printed)
`,
    )
    .addOption(dbOption())
    .addOption(
      new Option("--port <n>", "TCP port; 0 picks a free one").default(8080).argParser((value) => {
        const port = nonNegativeInteger(value);
        if (port > 65535) throw new CliError(`no such port: ${value}`, ExitCode.usage);
        return port;
      }),
    )
    .addOption(
      new Option(
        "--host <address>",
        "address to bind; anything but loopback exposes the store",
      ).default("127.0.0.1"),
    )
    .addOption(new Option("--cors <origin>", "let pages of this origin call the API"))
    .action(async (options: ServeOptions) => {
      const store = await openExistingStore(options.db);
      let running: Awaited<ReturnType<typeof startServer>>;
      try {
        running = await startServer({
          store,
          host: options.host,
          port: options.port,
          ...(options.cors ? { cors: options.cors } : {}),
        });
      } catch (error) {
        await store.close();
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EADDRINUSE" || code === "EACCES" || code === "EADDRNOTAVAIL") {
          throw new CliError(
            `cannot listen on ${options.host}:${options.port} (${code}); try --port 0`,
            ExitCode.failure,
          );
        }
        throw error;
      }
      // The URL on stdout, alone on its line, so scripts (and the load test) can read it.
      process.stdout.write(`${running.url}/\n`);
      process.stderr.write(`dateline: serving ${options.db} at ${running.url}/ (Ctrl-C stops)\n`);
      await new Promise<void>((resolve) => {
        const stop = () => {
          process.off("SIGINT", stop);
          process.off("SIGTERM", stop);
          resolve();
        };
        process.on("SIGINT", stop);
        process.on("SIGTERM", stop);
      });
      await running.close();
      await store.close();
    });
}
