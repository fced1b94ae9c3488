// Placeholder until the CLI lands (issue 3): prints usage.
console.error("dateline: the command-line tool is being built");
process.exit(2);
