/** ANSI styling for terminals; a no-op when colour is off, so callers need no branches. */
export interface Style {
  readonly enabled: boolean;
  bold(text: string): string;
  dim(text: string): string;
  underline(text: string): string;
  italic(text: string): string;
  colour(name: ColourName, text: string): string;
}

export type ColourName = "red" | "green" | "yellow" | "blue" | "magenta" | "cyan";

const codes: Record<ColourName, number> = {
  red: 31,
  green: 32,
  yellow: 33,
  blue: 34,
  magenta: 35,
  cyan: 36,
};

export function createStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\x1b[${open}m${text}\x1b[${close}m` : text;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    underline: wrap(4, 24),
    italic: wrap(3, 23),
    colour: (name, text) => wrap(codes[name], 39)(text),
  };
}
