/** One line of JSON per event on stdout/stderr: what operators read and grep. */
type Level = 'info' | 'warn' | 'error';

export function log(level: Level, event: string, fields: Record<string, unknown> = {}): void {
	const line = JSON.stringify({ at: new Date().toISOString(), level, event, ...fields });
	if (level === 'error') console.error(line);
	else if (level === 'warn') console.warn(line);
	else console.log(line);
}
