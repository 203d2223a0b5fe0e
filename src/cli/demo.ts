export async function run(_args: string[]): Promise<number> {
	console.error('not yet');
	return 1;
}
