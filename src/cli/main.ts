import { Command, CommanderError, Option } from 'commander';
import { adapterNames } from '../adapters/index.js';
import type { BenchFlags } from '../bench/command.js';
import type { AdviseFlags } from './advise.js';
import { ConfigError } from '../engine/settings.js';
import { terminalText } from '../render/escape.js';
import { formatterNames } from '../formatters/index.js';
import { DEFAULT_CACHE_LOCATION } from './cache.js';
import { checkCommand } from './check.js';
import { reasonOf, WriteError } from '../write-file.js';
import type { CheckFlags } from './check.js';
import { UsageError } from '../usage-error.js';
import type { Concurrency } from './parallel.js';
import { initCommand, schemaCommand, STARTER_CONFIG_NAME } from './init.js';
import { explainCommand, rulesCommand } from './rules.js';
import { VERSION } from '../version.js';

/** Exit codes (README "Exit codes"): 0 clean, 1 errors found (or too many warnings), 2 usage or internal failure. */
export const EXIT = { ok: 0, problems: 1, failure: 2 } as const;

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

export function buildProgram(io: { stdout: (s: string) => void; stderr: (s: string) => void }): Command {
  const program = new Command('hplint')
    .description('Lint and advise on deep-learning hyperparameters.')
    .version(VERSION, '-v, --version')
    .option('--debug', 'print stack traces of internal errors')
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride();

  program
    .command('check')
    .description('lint training configs (files, directories or globs; default: the current directory)')
    .argument('[paths...]', 'files, directories or glob patterns')
    .addOption(new Option('-f, --format <name>', 'output format').choices(formatterNames()).default('stylish'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', parseCount)
    .option('-q, --quiet', 'report errors only')
    .option('-r, --rule <id=severity>', 'set a rule\'s severity (off, info, warning, error); repeatable', collect, [])
    .option('--stdin', 'lint text from standard input')
    .option('--stdin-filename <name>', 'file name to report for standard input')
    .addOption(new Option('--input-format <name>', 'read every file as this format').choices(adapterNames()))
    .option('--no-color', 'never colour the output')
    .option('--verbose', 'say which format each file was read as, and why')
    .option('-c, --config <file>', 'use this config file instead of looking for one upward from each file')
    .option('--print-config <file>', 'print the effective rule settings for a file, then exit')
    .option('--fix', 'apply safe fixes (they cannot change training results) to the files')
    .option('--fix-unsafe', 'also apply suggestions that change hyperparameters (implies --fix)')
    .option('--fix-dry-run', 'print the fixes as a unified diff instead of writing them')
    .option('--report-unused-disable-directives', 'report hplint-disable comments that suppress nothing, as errors')
    .option('--max-file-size <size>', 'skip files larger than this, with a parse-error (bytes, or 512KiB, 10MiB; default 10MiB)', parseSize)
    .option('--cache', 'reuse results for files whose content and settings are unchanged since the last run')
    .option('--cache-location <file>', `where --cache keeps its results (default: ${DEFAULT_CACHE_LOCATION})`)
    .option('--concurrency <n>', 'worker threads: a number, auto (when there are enough files to pay) or off', parseConcurrency, 'auto' as const)
    .action(async (paths: string[], flags: CheckFlags, command: Command) => {
      const globals = command.optsWithGlobals<{ debug?: boolean }>();
      const code = await checkCommand(paths, { ...flags, debug: globals.debug === true }, io);
      process.exitCode = code;
    });

  program
    .command('schema')
    .description("print the JSON Schema of hplint's own config format (for editors)")
    .action(() => {
      io.stdout(schemaCommand());
    });

  program
    .command('init')
    .description(`write a starter ${STARTER_CONFIG_NAME} in the current directory (never overwrites)`)
    .action(() => {
      io.stdout(initCommand(process.cwd()));
    });

  program
    .command('rules')
    .description('list every rule with its severity, tier and category')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['text', 'json']).default('text'))
    .action((flags: { format: 'text' | 'json' }) => {
      io.stdout(rulesCommand(flags.format));
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule>', 'rule id, e.g. learning-rate-range')
    .action((ruleId: string) => {
      io.stdout(explainCommand(ruleId));
    });

  program
    .command('advise')
    .description('rank changes by importance with concrete values, analyse a training history, plan the search (docs/advise.md)')
    .argument('<config>', 'a training config in any format hplint reads')
    .option('--history <file>', 'training history: Keras/TF.js History JSON, CSVLogger CSV, trainer_state.json, Lightning metrics.csv')
    .option('--budget <trials>', 'trials you can afford, for the tuning plan (default: 20)')
    .addOption(new Option('-f, --format <name>', 'output format (html: a page with the training curves, findings marked)').choices(['text', 'markdown', 'json', 'html']).default('text'))
    .option('--plot <file>', 'write the loss curve of --history, findings marked, as an SVG file')
    .option('--apply', 'write a copy of the config with the suggested values (needs --out)')
    .option('--out <file>', 'where --apply writes the copy')
    .addOption(new Option('--input-format <name>', 'read the config as this format').choices(adapterNames()))
    .option('--no-color', 'never colour the output')
    .action(async (config: string, flags: AdviseFlags) => {
      const { adviseCommand } = await import('./advise.js');
      process.exitCode = adviseCommand(config, flags, io);
    });

  program
    .command('bench')
    .description('train TF.js models on MNIST to test the advice (docs/bench.md)')
    .argument('[ids...]', 'scenario ids, rule ids, batch-size-time, learning-rate-sweep (default: all)')
    .option('--quick', 'small runs, 5 seeds: every scenario in minutes')
    .option('--seeds <n>', 'seeds per scenario (default: 5 with --quick, else 8)')
    .option('--first-seed <n>', 'number the seeds from n, to extend an earlier run (default: 1)')
    .addOption(new Option('--backend <name>', 'TF.js backend').choices(['auto', 'node', 'wasm', 'cpu']).default('auto'))
    .option('--workers <n>', 'parallel worker threads (default: one per core, as memory allows)')
    .option('--out <dir>', 'directory for results.json, report.html, evidence.json and runs.jsonl', 'bench-out')
    .option('--resume', 'keep the finished runs in --out (runs.jsonl) and run only the missing ones')
    .option('--list', 'list the scenarios and experiments, run nothing')
    .addOption(new Option('-f, --format <name>', 'terminal output').choices(['text', 'json']).default('text'))
    .action(async (ids: string[], flags: BenchFlags) => {
      // Lazy: TF.js loads only when `bench` runs, never on `check`'s start-up path.
      const { benchCommand } = await import('../bench/command.js');
      process.exitCode = await benchCommand(ids, flags, io);
    });

  return program;
}

/** `10485760`, `512KiB`, `10MiB` (also `k`/`m`/`KB`/`MB`, in powers of 1024). */
export function parseSize(value: string): number {
  const match = /^(\d+)\s*(k|kb|kib|m|mb|mib)?$/i.exec(value.trim());
  if (!match) throw new UsageError(`--max-file-size takes a size such as 1048576, 512KiB or 10MiB, not "${value}"`);
  const unit = (match[2] ?? '').toLowerCase();
  return Number(match[1]) * (unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 * 1024 : 1);
}

function parseConcurrency(value: string): Concurrency {
  if (value === 'auto' || value === 'off') return value;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a number of threads, auto or off, not "${value}"`);
  return n;
}

function parseCount(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings takes a whole number, not "${value}"`);
  return n;
}

/** Runs the CLI; never lets an exception escape as a stack trace unless `--debug` is given. */
export async function main(argv: readonly string[]): Promise<number> {
  const stdout = new GuardedOutput(process.stdout);
  const io = { stdout: (s: string) => stdout.write(s), stderr: (s: string) => void process.stderr.write(s) };
  const program = buildProgram(io);
  let code: number;
  try {
    await program.parseAsync(argv, { from: 'user' });
    code = typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    code = failureCode(error, io, argv.includes('--debug'));
  }
  const problem = await stdout.settle();
  if (problem) {
    io.stderr(`hplint: cannot write to standard output: ${problem}\n`);
    return EXIT.failure;
  }
  return code;
}

/** The exit code of a run that threw, after saying why in one line (a stack trace only with --debug). */
function failureCode(error: unknown, io: { stderr: (s: string) => void }, debug: boolean): number {
  if (error instanceof CommanderError) {
    // --help and --version end through here with exit code 0.
    return error.exitCode === 0 ? EXIT.ok : EXIT.failure;
  }
  if (error instanceof UsageError || error instanceof ConfigError || error instanceof WriteError) {
    io.stderr(`hplint: ${terminalText(error.message)}\n`);
    return EXIT.failure;
  }
  io.stderr(`hplint: internal error: ${terminalText(error instanceof Error ? error.message : String(error))}\n`);
  if (debug && error instanceof Error && error.stack) io.stderr(`${error.stack}\n`);
  else io.stderr('(run with --debug for details)\n');
  return EXIT.failure;
}

/**
 * Standard output that may fail: a reader that went away (`| head -1`, EPIPE) or a full disk (`> /dev/full`).
 * Node reports that as an 'error' event, which would end the process with a stack trace; here the first
 * failure is kept, later output is dropped, and the run ends with a clear message and exit 2.
 */
class GuardedOutput {
  private failure: unknown;
  private readonly onError = (error: unknown) => {
    this.failure ??= error;
  };

  constructor(private readonly stream: NodeJS.WriteStream) {
    stream.on('error', this.onError);
  }

  write(text: string): void {
    if (this.failure === undefined && !this.stream.destroyed) this.stream.write(text);
  }

  /** Waits until what was written has left (or failed to), stops listening, and says why it failed, if it did. */
  async settle(): Promise<string | undefined> {
    if (this.failure === undefined && !this.stream.destroyed && this.stream.writableLength > 0) {
      await new Promise<void>((resolve) => {
        const done = () => {
          for (const event of ['drain', 'error', 'close']) this.stream.off(event, done);
          resolve();
        };
        for (const event of ['drain', 'error', 'close']) this.stream.once(event, done);
      });
    }
    // A failed write's error is emitted on a later tick.
    await new Promise((resolve) => setImmediate(resolve));
    this.stream.off('error', this.onError);
    return this.failure === undefined ? undefined : reasonOf(this.failure);
  }
}
