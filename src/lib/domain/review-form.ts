/**
 * The names of the review form's fields, shared by the page that shows the form and the server
 * that reads it: a name changed on one side only would drop what the reviewer typed without a word.
 * The review's own fields keep plain names (heldOn, facilitator, notes, participants); each
 * watch-point's block has its own set, suffixed with the watch-point's id.
 */

const ASSESSMENT_FIELD_KINDS = ['rating', 'comment', 'actionTitle', 'actionOwner', 'actionDue'] as const;

export type AssessmentFieldKind = (typeof ASSESSMENT_FIELD_KINDS)[number];

/** Field names of one watch-point's block in the review form. */
export const assessmentFields = (watchpointId: number | string) =>
	({
		rating: `rating-${watchpointId}`,
		comment: `comment-${watchpointId}`,
		actionTitle: `actionTitle-${watchpointId}`,
		actionOwner: `actionOwner-${watchpointId}`,
		actionDue: `actionDue-${watchpointId}`
	}) as const satisfies Record<AssessmentFieldKind, string>;

const ASSESSMENT_FIELD = new RegExp(`^(${ASSESSMENT_FIELD_KINDS.join('|')})-(.*)$`);

/**
 * Reads a field name of a watch-point's block back: which field, and the watch-point id as
 * written (not necessarily a number: a forged or stale form may send anything). Null for the
 * review's own fields.
 */
export function parseAssessmentField(name: string): { kind: AssessmentFieldKind; watchpointId: string } | null {
	const match = ASSESSMENT_FIELD.exec(name);
	return match ? { kind: match[1] as AssessmentFieldKind, watchpointId: match[2] } : null;
}

/** The error key that gathers everything about the assessments as a whole (e.g. none given). */
export const ASSESSMENTS_ERROR = 'assessments';

/** The "save anyway" button sent when the reviewer confirms comments that repeat the previous ones. */
export const CONFIRM_REPEATS = { name: 'confirmRepeats', value: '1' } as const;
