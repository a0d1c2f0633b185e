// Command-line option parsing on node:util's parseArgs, with typed readers that reject bad
// values with a message naming the option and what it accepts.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export class UsageError extends Error {
  override name = 'UsageError';
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export function parseCommandArgs(argv: string[], options: OptionSpec, allowPositionals = false) {
  // A PEM value starts with dashes; take it as the option's value rather than as another option.
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1];
    if (argv[i]!.startsWith('--') && !argv[i]!.includes('=') && next?.startsWith('-----BEGIN')) {
      args.push(`${argv[i]}=${next}`);
      i++;
    } else args.push(argv[i]!);
  }
  try {
    return parseArgs({ args, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function intOption(value: unknown, name: string, min: number, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${text}'`);
  }
  return Number(text);
}

export function rateOption(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 1 || String(value).trim() === '') {
    throw new UsageError(`--${name} must be a probability between 0 and 1, got '${String(value)}'`);
  }
  return n;
}

export function choiceOption<T extends string>(value: unknown, name: string, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if (!choices.includes(value as T)) {
    throw new UsageError(`--${name} must be one of ${choices.join(', ')}, got '${String(value)}'`);
  }
  return value as T;
}
