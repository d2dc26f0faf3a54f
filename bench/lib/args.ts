// Tiny flag parser shared by the benchmarks: `--name value` and bare `--flag`.
export interface Args {
  has(name: string): boolean;
  num(name: string, fallback: number): number;
  str(name: string): string | undefined;
}

export function parseArgs(argv: string[] = process.argv.slice(2)): Args {
  const get = (name: string) => {
    const k = argv.indexOf(`--${name}`);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  return {
    has: (name) => argv.includes(`--${name}`),
    str: get,
    num(name, fallback) {
      const raw = get(name);
      if (raw === undefined) return fallback;
      const n = Number(raw);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} needs a positive number, got ${raw}`);
      return n;
    },
  };
}
