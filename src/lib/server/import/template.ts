/** The import template of a project, in the reader's language: its tracked watch-points listed by key. */
import type { Db } from '../db';
import { instanceToday } from '../clock';
import { reviewFormSetup } from '../reviews';
import { translate, type Lang } from '../../i18n';
import { csvTemplate, xlsxTemplate } from './spreadsheet';

function watchpointsOf(db: Db, projectId: number, now: Date) {
	return reviewFormSetup(db, projectId, instanceToday(now)).watchpoints.map((w) => ({ key: w.key, titleFr: w.titleFr, titleEn: w.titleEn }));
}

export function projectCsvTemplate(db: Db, projectId: number, lang: Lang, now: Date): string {
	return csvTemplate(lang, watchpointsOf(db, projectId, now));
}

export function projectXlsxTemplate(db: Db, projectId: number, lang: Lang, now: Date): Promise<Buffer> {
	const t = (key: Parameters<typeof translate>[1]) => translate(lang, key);
	return xlsxTemplate(lang, watchpointsOf(db, projectId, now), {
		reviewsSheet: t('import.template.reviews_sheet'),
		watchpointsSheet: t('import.template.watchpoints_sheet'),
		keyHeader: t('import.template.key'),
		titleFrHeader: t('import.template.title_fr'),
		titleEnHeader: t('import.template.title_en'),
		ratingsHeader: t('import.template.ratings'),
		ratings: ([1, 2, 3, 4] as const).map((n) => `${n} = ${t(`rating.${n}`)}`)
	});
}
