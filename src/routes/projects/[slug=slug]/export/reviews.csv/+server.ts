import { getDb } from '$lib/server/db';
import { csvResponse } from '$lib/server/http/csv';
import { guardProject } from '$lib/server/permissions';
import { isRating } from '$lib/domain/ratings';
import { translate, type MessageKey } from '$lib/i18n';
import type { WatchpointKind } from '$lib/domain/types';
import type { RequestHandler } from './$types';

/** Every assessment of the project, one row each, oldest review first: the history as a spreadsheet. */
export const GET: RequestHandler = ({ params, locals }) => {
	const { project } = guardProject({ params, locals }, 'view');
	const lang = locals.lang;
	const t = (key: MessageKey) => translate(lang, key);
	const rows = getDb()
		.$client.prepare(
			`select r.held_on as heldOn, r.facilitator,
			   (select group_concat(name, ', ') from (select a2.name from review_participant p join actor a2 on a2.id = p.actor_id
			     where p.review_id = r.id order by a2.name)) as participants,
			   w.key, w.title_fr as titleFr, w.title_en as titleEn, w.kind, s.rating, s.comment,
			   (select group_concat(title, ' | ') from action x where x.assessment_id = s.id) as actions,
			   (select group_concat(owner, ' | ') from action x where x.assessment_id = s.id and x.owner <> '') as owners,
			   (select group_concat(due_on, ' | ') from action x where x.assessment_id = s.id and x.due_on is not null) as dues
			 from review r join assessment s on s.review_id = r.id join watchpoint w on w.id = s.watchpoint_id
			 where r.project_id = ? order by r.held_on, r.id, w.kind, w.position`
		)
		.all(project.id) as {
		heldOn: string;
		facilitator: string;
		participants: string | null;
		key: string;
		titleFr: string;
		titleEn: string;
		kind: WatchpointKind;
		rating: number | null;
		comment: string;
		actions: string | null;
		owners: string | null;
		dues: string | null;
	}[];
	return csvResponse(
		lang,
		`vigie-${project.slug}-reviews.csv`,
		[
			t('csv.review_date'),
			t('csv.facilitator'),
			t('csv.participants'),
			t('csv.watchpoint_key'),
			t('csv.watchpoint'),
			t('csv.kind'),
			t('csv.rating'),
			t('csv.rating_label'),
			t('csv.comment'),
			t('csv.action'),
			t('csv.action_owner'),
			t('csv.action_due')
		],
		rows.map((r) => [
			r.heldOn,
			r.facilitator,
			r.participants ?? '',
			r.key,
			lang === 'fr' ? r.titleFr : r.titleEn,
			translate(lang, `kind.${r.kind}`),
			r.rating,
			isRating(r.rating) ? translate(lang, `rating.${r.rating}`) : translate(lang, 'rating.none'),
			r.comment,
			r.actions ?? '',
			r.owners ?? '',
			r.dues ?? ''
		])
	);
};
