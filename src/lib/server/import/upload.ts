/**
 * The file of the import form. Without JavaScript a file cannot be sent twice, so the preview
 * hands the file back inside the page (base64, in a hidden field, with its name) and the
 * confirmation sends that: the server reads and checks it again from scratch, and compares its
 * digest with the preview's, so what is imported is what was shown.
 */
import type { Message } from '../../i18n';
import { MAX_IMPORT_BYTES } from './spreadsheet';

export type UploadFailure = { ok: false; message: Message };
export type Upload = { ok: true; bytes: Uint8Array; name: string; payload: string } | UploadFailure;

export async function readUpload(data: FormData, field: 'file' | 'payload'): Promise<Upload> {
	if (field === 'file') {
		const file = data.get('file');
		if (!(file instanceof File) || file.size === 0) return { ok: false, message: { key: 'import.error.no_file' } };
		if (file.size > MAX_IMPORT_BYTES) return { ok: false, message: { key: 'import.error.file_too_large' } };
		const bytes = new Uint8Array(await file.arrayBuffer());
		return { ok: true, bytes, name: file.name.slice(0, 200), payload: Buffer.from(bytes).toString('base64') };
	}
	const payload = data.get('payload');
	const name = data.get('fileName');
	if (typeof payload !== 'string' || payload === '') return { ok: false, message: { key: 'import.error.no_file' } };
	const bytes = new Uint8Array(Buffer.from(payload, 'base64'));
	if (bytes.length === 0) return { ok: false, message: { key: 'import.error.no_file' } };
	if (bytes.length > MAX_IMPORT_BYTES) return { ok: false, message: { key: 'import.error.file_too_large' } };
	return { ok: true, bytes, name: typeof name === 'string' ? name.slice(0, 200) : '', payload };
}
