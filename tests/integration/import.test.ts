/**
 * Importing past reviews as a coordinator would: a CSV saved by a French Excel (semicolons, a
 * byte-order mark, or Windows-1252 without one, days written 12/03/2024), an XLSX file with
 * mistakes whose preview names each row and column, the page's two steps without JavaScript,
 * the command line, and a second import that adds nothing.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { count, eq } from 'drizzle-orm';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTempDb, NOW, type TempDb } from '../helpers/db';
import { createCast, type Cast } from '../helpers/cast';
import { useDatabase } from '../../src/lib/server/db';
import { actor, alert, assessment, auditEvent, review } from '../../src/lib/server/db/schema';
import { importHistory, previewHistoryImport } from '../../src/lib/server/import/history';
import { readSpreadsheet } from '../../src/lib/server/import/spreadsheet';
import { projectCsvTemplate, projectXlsxTemplate } from '../../src/lib/server/import/template';
import { createActor } from '../../src/lib/server/projects';
import { translate } from '../../src/lib/i18n';
import { run as cli } from '../../src/cli/import';
import { actions as pageActions } from '../../src/routes/projects/[slug=slug]/import/+page.server';

let t: TempDb;
let cast: Cast;

beforeEach(() => {
	vi.useFakeTimers({ toFake: ['Date'] });
	vi.setSystemTime(NOW);
	t = createTempDb();
	useDatabase(t.db);
	cast = createCast(t.db);
	createActor(t.db, cast.project.id, { name: 'Lucie Bernard', organisation: 'Syndicat', level: 'technical', role: '', responsibilities: '', email: null });
});
afterEach(() => {
	vi.restoreAllMocks();
	vi.unstubAllEnvs();
	vi.useRealTimers();
	t.close();
});

/** What Excel writes as "CSV (séparateur : point-virgule)": French headers, day-first dates, decimal commas. */
const FRENCH_CSV = [
	'Date;Point;Note;Commentaire;Action;Participants;Animateur',
	'12/03/2024;trigger-element;3,0;"Le diagnostic partagé a lancé la démarche ; les élus y croient.";;Lucie Bernard, Hervé Côté;Claire Martin',
	'12/03/2024;Des enjeux forts et compréhensibles;Fragile;"Les enjeux restent ceux de la commune centre, ""pas les nôtres"" disent les autres.";Organiser un atelier enjeux;Lucie Bernard;',
	'18/06/2024;trigger-element;satisfaisant;"Le diagnostic partagé a lancé la démarche ; les élus y croient.";;Lucie Bernard;',
	';;;;;;',
	'2024-09-20;trigger-element;3;"Le diagnostic partagé a lancé la démarche ; les élus y croient.";;Lucie Bernard;'
].join('\r\n');

const utf8WithBom = (text: string) => new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text, 'utf8')]);
const windows1252 = (text: string) => new Uint8Array(iconv.encode(text, 'windows-1252'));

function reviewsOf(projectId = cast.project.id) {
	return t.db.select().from(review).where(eq(review.projectId, projectId)).orderBy(review.heldOn).all();
}

const who = { userId: null, via: 'cli' as const };

describe('a French Excel CSV', () => {
	it('is read with its semicolons, byte-order mark, accents and day-first dates', async () => {
		const sheet = await readSpreadsheet(utf8WithBom(FRENCH_CSV));
		expect(sheet).toMatchObject({ format: 'csv', encoding: 'utf-8', delimiter: ';' });
		expect(sheet.header[0]).toBe('Date');
		const preview = await previewHistoryImport(t.db, cast.project.id, utf8WithBom(FRENCH_CSV), NOW);
		expect(preview.problems).toEqual([]);
		expect(preview.rows.map((r) => [r.row, r.state, r.heldOn, r.watchpoint?.key, r.rating])).toEqual([
			[2, 'new', '2024-03-12', 'trigger-element', 3],
			[3, 'new', '2024-03-12', 'strong-stakes', 2],
			[4, 'new', '2024-06-18', 'trigger-element', 3],
			[6, 'new', '2024-09-20', 'trigger-element', 3]
		]);
		expect(preview).toMatchObject({ toImport: 4, reviews: 3, blank: 1, newActors: ['Hervé Côté'] });
		expect(preview.rows[1].values.comment).toBe('Les enjeux restent ceux de la commune centre, "pas les nôtres" disent les autres.');
	});

	it('imports one review per day, with its participants and actions, then the watch job looks at the history', async () => {
		const outcome = await importHistory(t.db, cast.project.id, utf8WithBom(FRENCH_CSV), NOW, who);
		expect(outcome.ok).toBe(true);
		const reviews = reviewsOf();
		expect(reviews.map((r) => [r.heldOn, r.facilitator])).toEqual([
			['2024-03-12', 'Claire Martin'],
			['2024-06-18', ''],
			['2024-09-20', '']
		]);
		const herve = t.db.select().from(actor).where(eq(actor.name, 'Hervé Côté')).get();
		expect(herve).toMatchObject({ level: 'other', projectId: cast.project.id });
		// the same comment three reviews in a row: the scan after the import says so
		expect(outcome.ok && outcome.scan?.status).toBe('completed');
		const rules = t.db.select({ rule: alert.rule }).from(alert).where(eq(alert.projectId, cast.project.id)).all().map((a) => a.rule);
		expect(rules).toContain('repeated_comment');
		const audit = t.db.select().from(auditEvent).where(eq(auditEvent.event, 'history_imported')).all();
		expect(audit).toHaveLength(1);
		expect(audit[0].details).toMatchObject({ reviews: 3, rows: 4, via: 'cli' });
	});

	it('adds nothing the second time, nor from the same rows saved in Windows-1252 without a byte-order mark', async () => {
		expect((await importHistory(t.db, cast.project.id, utf8WithBom(FRENCH_CSV), NOW, who)).ok).toBe(true);
		const before = t.db.select({ n: count() }).from(assessment).get()!.n;

		const again = await importHistory(t.db, cast.project.id, utf8WithBom(FRENCH_CSV), NOW, who);
		expect(again.ok && again.reviewIds).toEqual([]);
		expect(again.preview).toMatchObject({ toImport: 0, alreadyImported: 4 });
		expect(again.preview.rows.every((r) => r.state === 'already')).toBe(true);

		const legacy = windows1252(FRENCH_CSV);
		expect(legacy).not.toContain(0xc3); // no UTF-8 sequence: é is the single byte 0xE9
		const sheet = await readSpreadsheet(legacy);
		expect(sheet.encoding).toBe('windows-1252');
		expect(sheet.rows[0][3]).toContain('démarche');
		const fromLegacy = await importHistory(t.db, cast.project.id, legacy, NOW, who);
		expect(fromLegacy.ok && fromLegacy.reviewIds).toEqual([]);
		expect(t.db.select({ n: count() }).from(assessment).get()!.n).toBe(before);
		expect(reviewsOf()).toHaveLength(3);
	});

	it('reads a comma-separated file too, and English headers and labels', async () => {
		const csv = 'date,watch-point,rating,comment\n2024-05-02,A trigger,solid,"Shared diagnosis, still driving the work."\n';
		const preview = await previewHistoryImport(t.db, cast.project.id, new TextEncoder().encode(csv), NOW);
		expect(preview.problems).toEqual([]);
		expect(preview.rows[0]).toMatchObject({ heldOn: '2024-05-02', rating: 4, watchpoint: { key: 'trigger-element' } });
	});
});

// ---------------------------------------------------------------------------------------------

async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Revues');
	for (const row of rows) sheet.addRow(row);
	return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const HEADER = ['date', 'point', 'note', 'commentaire', 'action', 'participants'];

describe('an XLSX file with mistakes', () => {
	const mistakes = () =>
		xlsx([
			HEADER,
			[new Date(Date.UTC(2024, 2, 12)), 'trigger-element', 3, 'Diagnostic partagé.', null, 'Lucie Bernard'],
			['31/02/2024', 'trigger-element', 2, 'Une date qui n’existe pas.', null, null],
			['12/04/2024', 'La météo', 3, 'Un point que le projet ne suit pas.', null, null],
			['12/04/2024', 'strong-stakes', 5, 'Une note hors échelle.', null, null],
			['12/05/2024', 'strong-stakes', null, null, 'Relancer', null],
			['12/05/2027', 'strong-stakes', 3, 'Une revue dans le futur.', null, null],
			[new Date(Date.UTC(2024, 2, 12)), 'Un élément déclencheur', 2, 'Le même point, le même jour.', null, null]
		]);

	it('has every row listed in the preview, each problem named by row and column, in the reader’s language', async () => {
		const preview = await previewHistoryImport(t.db, cast.project.id, await mistakes(), NOW);
		expect(preview.format).toBe('xlsx');
		expect(preview.rows.map((r) => [r.row, r.state])).toEqual([
			[2, 'new'],
			[3, 'error'],
			[4, 'error'],
			[5, 'error'],
			[6, 'error'],
			[7, 'error'],
			[8, 'error']
		]);
		expect(preview.problems.map((p) => [p.row, p.column, p.message.key])).toEqual([
			[3, 'date', 'import.error.invalid_date'],
			[4, 'watchpoint', 'import.error.unknown_watchpoint'],
			[5, 'rating', 'import.error.invalid_rating'],
			[6, 'rating', 'review.error.action_needs_reason'],
			[7, 'date', 'error.future_date'],
			[8, 'watchpoint', 'import.error.duplicate']
		]);
		const en = preview.problems.map((p) => translate('en', p.message.key, p.message.params));
		expect(en[0]).toBe('Unreadable date “31/02/2024”: write it 12/03/2024 (day first) or 2024-03-12.');
		expect(en[1]).toContain('Unknown watch-point “La météo”');
		expect(en[5]).toBe('This watch-point is already assessed on this date, row 2.');
		expect(translate('fr', preview.problems[2].message.key, preview.problems[2].message.params)).toBe(
			'Note illisible «\u00a05\u00a0»\u00a0: de 1 à 4, ou critique, fragile, satisfaisant, solide.'
		);
	});

	it('writes nothing at all, not even the rows that were right', async () => {
		const outcome = await importHistory(t.db, cast.project.id, await mistakes(), NOW, who);
		expect(outcome.ok).toBe(false);
		expect(reviewsOf()).toEqual([]);
		expect(t.db.select().from(actor).all()).toHaveLength(1);
	});

	it('imports once corrected, date cells and all, and adds nothing the second time', async () => {
		const fixed = await xlsx([
			HEADER,
			[new Date(Date.UTC(2024, 2, 12)), 'trigger-element', 3, 'Diagnostic partagé.', null, 'Lucie Bernard'],
			[new Date(Date.UTC(2024, 3, 12)), 'strong-stakes', '2,0', 'Les enjeux divergent.', 'Atelier enjeux', null]
		]);
		expect((await importHistory(t.db, cast.project.id, fixed, NOW, who)).ok).toBe(true);
		expect(reviewsOf().map((r) => r.heldOn)).toEqual(['2024-03-12', '2024-04-12']);
		const again = await importHistory(t.db, cast.project.id, fixed, NOW, who);
		expect(again.ok && again.reviewIds).toEqual([]);
		expect(reviewsOf()).toHaveLength(2);
	});
});

describe('the templates', () => {
	it('list the project’s watch-points, and read back as a file with nothing to import yet', async () => {
		const csv = projectCsvTemplate(t.db, cast.project.id, 'fr', NOW);
		expect(csv.startsWith('\ufeffdate;point;note;commentaire;action;participants;animateur\r\n')).toBe(true);
		expect(csv.split('\r\n').filter(Boolean)).toHaveLength(21);
		const xlsxFile = await projectXlsxTemplate(t.db, cast.project.id, 'en', NOW);
		for (const file of [new TextEncoder().encode(csv), new Uint8Array(xlsxFile)]) {
			const preview = await previewHistoryImport(t.db, cast.project.id, file, NOW);
			expect(preview.blank).toBe(20);
			expect(preview.problems.map((p) => p.message.key)).toEqual(['import.error.no_rows']);
		}
		const sheet = await readSpreadsheet(new Uint8Array(xlsxFile));
		expect(sheet.header).toEqual(['date', 'watch-point', 'rating', 'comment', 'action', 'participants', 'facilitator']);
	});
});

describe('the import page, without JavaScript', () => {
	function event(body: FormData, role: 'coordinator' | 'contributor' = 'coordinator') {
		const person = cast.people[role];
		return {
			params: { slug: cast.project.slug },
			locals: { user: { id: person.id, email: person.email, name: person.name, isAdmin: false }, lang: 'fr' as const, session: null },
			request: new Request('http://vigie.test/projects/eau-partagee/import', { method: 'POST', body }),
			getClientAddress: () => '192.0.2.1'
		} as never;
	}

	it('previews the uploaded file, then imports exactly that file when confirmed, and the watch job looks at it', async () => {
		// the page's scan runs in a child process, as the server's do: on this database
		vi.stubEnv('DATABASE_URL', t.path);
		vi.useRealTimers();
		const upload = new FormData();
		upload.set('file', new File([utf8WithBom(FRENCH_CSV)], 'historique.csv', { type: 'text/csv' }));
		const previewed = (await pageActions.preview(event(upload))) as { preview: { toImport: number; digest: string }; payload: string; fileName: string };
		expect(previewed.preview.toImport).toBe(4);
		expect(previewed.fileName).toBe('historique.csv');
		expect(reviewsOf()).toEqual([]);

		const confirm = new FormData();
		confirm.set('payload', previewed.payload);
		confirm.set('fileName', previewed.fileName);
		confirm.set('digest', previewed.preview.digest);
		await expect(pageActions.confirm(event(confirm))).rejects.toMatchObject({
			status: 303,
			location: expect.stringMatching(/^\/projects\/eau-partagee\/import\?imported=3&rows=4&alerts=\d+$/)
		});
		expect(reviewsOf()).toHaveLength(3);
		expect(t.db.select({ rule: alert.rule }).from(alert).where(eq(alert.projectId, cast.project.id)).all().map((a) => a.rule)).toContain(
			'repeated_comment'
		);
	});

	it('refuses a confirmation whose file is not the one previewed', async () => {
		const confirm = new FormData();
		confirm.set('payload', Buffer.from(FRENCH_CSV).toString('base64'));
		confirm.set('digest', 'f'.repeat(64));
		const refused = (await pageActions.confirm(event(confirm))) as { status: number; data: { preview: { problems: { message: { key: string } }[] } } };
		expect(refused.status).toBe(400);
		expect(refused.data.preview.problems[0].message.key).toBe('import.error.changed');
		expect(reviewsOf()).toEqual([]);
	});

	it('asks for a file when none is sent, next to the field', async () => {
		const refused = (await pageActions.preview(event(new FormData()))) as { status: number; data: { errors: { file: { key: string } } } };
		expect(refused.status).toBe(400);
		expect(refused.data.errors.file.key).toBe('import.error.no_file');
	});

	it('is for coordinators: a contributor gets a 403', async () => {
		const upload = new FormData();
		upload.set('file', new File([FRENCH_CSV], 'h.csv'));
		await expect(pageActions.preview(event(upload, 'contributor'))).rejects.toMatchObject({ status: 403 });
	});
});

describe('vigie import', () => {
	it('prints the preview with --dry-run and writes nothing, then imports, then adds nothing', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'vigie-import-'));
		const file = join(dir, 'historique.csv');
		writeFileSync(file, utf8WithBom(FRENCH_CSV));
		const out: string[] = [];
		vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
		vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
		const runCli = (...extra: string[]) => cli([file, '--project', cast.project.slug, '--db', t.path, ...extra]);

		expect(await runCli('--dry-run')).toBe(0);
		expect(out.join('\n')).toContain('4 row(s) to import as 3 review(s)');
		expect(reviewsOf()).toEqual([]);
		expect(await runCli()).toBe(0);
		expect(out.join('\n')).toMatch(/Imported 3 review\(s\) into eau-partagee\. The watch job ran/);
		expect(reviewsOf()).toHaveLength(3);
		expect(await runCli()).toBe(0);
		expect(out.at(-1)).toBe('Nothing new: every row was imported before.');
		expect(reviewsOf()).toHaveLength(3);
	});

	it('lists each mistake with its row and column, and exits 1', async () => {
		const dir = mkdtempSync(join(tmpdir(), 'vigie-import-'));
		const file = join(dir, 'faux.csv');
		writeFileSync(file, 'date;point;note;commentaire\n30/02/2024;trigger-element;3;x\n');
		const errors: string[] = [];
		vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
		vi.spyOn(console, 'log').mockImplementation(() => {});
		expect(await cli([file, '--project', cast.project.slug, '--db', t.path])).toBe(1);
		expect(errors[0]).toBe('row 2, date: Unreadable date “30/02/2024”: write it 12/03/2024 (day first) or 2024-03-12.');
	});
});
