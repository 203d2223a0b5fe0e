/**
 * One line of JSON per event on stdout/stderr: what operators read and grep. An event is named
 * after the capability that logs it, whichever file that is: `scan.*` for the watch job and its
 * schedule, `notify.*` for notifications, `request.*`, `clock.*`, `vigie.*` for the server.
 */
type Level = 'info' | 'warn' | 'error';

function line(level: Level, event: string, fields: Record<string, unknown>): string {
	return JSON.stringify({ at: new Date().toISOString(), level, event, ...fields });
}

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	const text = line(level, event, fields);
	if (level === 'error') console.error(text);
	else if (level === 'warn') console.warn(text);
	else console.log(text);
}

/** The same lines, all on stderr: for a command whose stdout carries its report (`vigie scan --json`). */
export function logToStderr(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	console.error(line(level, event, fields));
}
