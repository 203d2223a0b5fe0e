/**
 * `vigie create-admin --email ADDRESS [--name NAME] [--db PATH]`: creates an administrator from
 * the shell, on a new instance or to regain access. The password is typed twice without echo on
 * a terminal, or read as the first line of standard input when piped
 * (`printf '%s\n' "$PASSWORD" | npx vigie create-admin --email …`). It is never an argument:
 * arguments are visible to every user of the machine and stay in the shell's history.
 */
import { closeDb, getDb, openDatabase } from '../lib/server/db';
import { createAdmin, findUserByEmail } from '../lib/server/auth/users';
import { FormReader } from '../lib/domain/validation';
import { translate, type Message } from '../lib/i18n';
import { readArgs, usageError } from './args';

const say = (message: Message): string => translate('en', message.key, message.params);

const USAGE = `Usage: vigie create-admin --email ADDRESS [--name NAME] [--db PATH]

Creates an administrator account.
  --email ADDRESS  the address to sign in with
  --name NAME      the name shown to others (default: the part of the address before @)
  --db PATH        the database file (default DATABASE_URL, or ./data/vigie.db)

The password is asked twice on a terminal (not echoed), or read from the first line of
standard input when it is not a terminal. It needs at least 8 characters and must not be one
of the most common passwords.`;

/** Reads a line from the terminal without showing what is typed. */
function promptHidden(question: string): Promise<string> {
	const stdin = process.stdin;
	return new Promise((resolve, reject) => {
		process.stderr.write(question);
		let value = '';
		const finish = () => {
			stdin.off('data', onData);
			stdin.setRawMode(false);
			stdin.pause();
			process.stderr.write('\n');
		};
		const onData = (chunk: string) => {
			for (const ch of chunk) {
				if (ch === '\r' || ch === '\n' || ch === '\u0004') {
					finish();
					resolve(value);
					return;
				}
				if (ch === '\u0003') {
					finish();
					reject(new Error('cancelled'));
					return;
				}
				if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
				else value += ch;
			}
		};
		stdin.setRawMode(true);
		stdin.setEncoding('utf8');
		stdin.resume();
		stdin.on('data', onData);
	});
}

/** The first line of standard input, without its line ending. */
async function readFirstLine(): Promise<string> {
	let text = '';
	process.stdin.setEncoding('utf8');
	for await (const chunk of process.stdin) {
		text += chunk;
		if (text.includes('\n')) break;
	}
	return text.split(/\r?\n/)[0];
}

async function readPassword(): Promise<string | Message> {
	if (!process.stdin.isTTY) return readFirstLine();
	const first = await promptHidden('Password: ');
	const second = await promptHidden('Password again: ');
	if (first !== second) return { key: 'auth.password.mismatch' };
	return first;
}

export async function run(args: string[]): Promise<number> {
	const read = readArgs(args, USAGE, { values: { email: 'an address', name: 'a name', db: 'a path' } }, (o) => {
		if (!o.email) usageError('--email is required');
		return { email: o.email, name: o.name ?? null, db: o.db ?? null };
	});
	if (!read.ok) return read.exitCode;
	const parsed = read.value;
	const form = new FormData();
	form.set('email', parsed.email);
	const reader = new FormReader(form);
	const email = reader.email('email', { required: true });
	if (!reader.ok || !email) {
		console.error(`--email: ${say(reader.errors.email ?? { key: 'error.invalid_email' })}`);
		return 2;
	}
	const name = (parsed.name ?? email.split('@')[0]).trim() || email;

	const db = parsed.db ? openDatabase(parsed.db) : getDb();
	try {
		// said before asking for a password that would be typed for nothing
		if (findUserByEmail(db, email)) {
			console.error(`An account already exists for ${email.toLowerCase()}: nothing was changed.`);
			return 1;
		}
		let password: string | Message;
		try {
			password = await readPassword();
		} catch {
			console.error('Cancelled: nothing was changed.');
			return 1;
		}
		if (password === '') {
			console.error('No password given: type it on a terminal, or send it on the first line of standard input. Nothing was changed.');
			return 1;
		}
		if (typeof password !== 'string') {
			console.error(`${say(password)} Nothing was changed.`);
			return 1;
		}
		const result = await createAdmin(db, { email, name, password }, new Date(), { via: 'cli' });
		if (!result.ok) {
			const problems = Object.values(result.errors).map(say);
			console.error(`${problems.join(' ')} Nothing was changed.`);
			return 1;
		}
		console.log(`Administrator ${result.value.email} (${result.value.name}) created. Sign in at /login.`);
		return 0;
	} finally {
		if (parsed.db) db.$client.close();
		else closeDb();
	}
}
