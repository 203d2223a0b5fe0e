/**
 * A person's own settings, kept with their account: the language Vigie writes to them in (the
 * pages follow the cookie; e-mails sent while they are away need it stored), and whether they
 * want the reminder e-mails.
 */
import { eq } from 'drizzle-orm';
import type { Db } from './db';
import { user } from './db/schema';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n';

export interface Preferences {
	lang: Lang;
	remindersEnabled: boolean;
}

export function readPreferences(db: Db, userId: number): Preferences | undefined {
	const row = db.select({ lang: user.lang, remindersEnabled: user.remindersEnabled }).from(user).where(eq(user.id, userId)).get();
	if (!row) return undefined;
	return { lang: isLang(row.lang) ? row.lang : DEFAULT_LANG, remindersEnabled: row.remindersEnabled };
}

/** Remembers the language a person chose, for the e-mails written to them. */
export function saveLanguage(db: Db, userId: number, lang: Lang): void {
	db.transaction((tx) => tx.update(user).set({ lang }).where(eq(user.id, userId)).run());
}

export function saveRemindersEnabled(db: Db, userId: number, enabled: boolean): boolean {
	return db.transaction((tx) => tx.update(user).set({ remindersEnabled: enabled }).where(eq(user.id, userId)).run().changes === 1);
}
