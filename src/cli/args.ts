/**
 * How every `vigie` command reads its options, so that they all answer alike: `--flag`,
 * `--option VALUE` or `--option=VALUE`; `--help` (or `-h`) prints the usage and exits 0; a
 * mistake prints what is wrong, then the usage, and exits 2.
 */

export interface OptionSpec<F extends string, V extends string> {
	/** options without a value: true when given */
	flags?: readonly F[];
	/** options with a value, each with what the value is, for the message when it is missing ("a path") */
	values?: Readonly<Record<V, string>>;
}

export type Options<F extends string, V extends string> = Record<F, boolean> & Partial<Record<V, string>>;

export type ReadArgs<T> = { ok: true; value: T } | { ok: false; exitCode: number };

/** A mistake in the options, found by the command's own check: said with the usage. */
class UsageError extends Error {}

/** Refuses the options from inside a command's check (a day that is not a day, a missing option). */
export function usageError(message: string): never {
	throw new UsageError(message);
}

/** The options as given, or what is wrong with them. `--help` is not one of them: see `readArgs`. */
export function parseOptions<const F extends string = never, const V extends string = never>(
	args: readonly string[],
	spec: OptionSpec<F, V>
): Options<F, V> | string {
	const flags = new Set<string>(spec.flags ?? []);
	const values: Readonly<Record<string, string>> = spec.values ?? {};
	const options: Record<string, boolean | string> = {};
	for (const flag of flags) options[flag] = false;
	for (let i = 0; i < args.length; i++) {
		const arg = args[i];
		if (!arg.startsWith('--')) return `unknown option: ${arg}`;
		const eq = arg.indexOf('=');
		const name = arg.slice(2, eq > 0 ? eq : undefined);
		if (flags.has(name)) {
			// "--force=no" must not force anything
			if (eq > 0) return `--${name} takes no value`;
			options[name] = true;
		} else if (Object.hasOwn(values, name)) {
			const value = eq > 0 ? arg.slice(eq + 1) : args[++i];
			if (!value) return `--${name} needs ${values[name]}`;
			options[name] = value;
		} else return `unknown option: ${arg}`;
	}
	return options as Options<F, V>;
}

/**
 * Reads a command's options and hands them to `check`, which turns them into what the command
 * needs (calling `usageError` on a value it cannot take). On `--help`, or on a mistake, the usage
 * is printed and the command returns `exitCode`.
 */
export function readArgs<const F extends string = never, const V extends string = never, T = Options<F, V>>(
	args: readonly string[],
	usage: string,
	spec: OptionSpec<F, V>,
	check: (options: Options<F, V>) => T
): ReadArgs<T> {
	if (args.includes('--help') || args.includes('-h')) {
		console.log(usage);
		return { ok: false, exitCode: 0 };
	}
	let problem: string;
	const options = parseOptions(args, spec);
	if (typeof options === 'string') problem = options;
	else {
		try {
			return { ok: true, value: check(options) };
		} catch (error) {
			if (!(error instanceof UsageError)) throw error;
			problem = error.message;
		}
	}
	console.error(`${problem}\n\n${usage}`);
	return { ok: false, exitCode: 2 };
}
