import { describe, expect, it } from 'vitest';
import { assessmentFields, parseAssessmentField } from './review-form';

describe('the review form field names', () => {
	it('reads each field of a watch-point block back to its watch-point', () => {
		for (const [kind, name] of Object.entries(assessmentFields(12))) {
			expect(parseAssessmentField(name)).toEqual({ kind, watchpointId: '12' });
		}
	});

	it('keeps the id as sent, so that a forged one can be told apart', () => {
		expect(parseAssessmentField('comment-abc')).toEqual({ kind: 'comment', watchpointId: 'abc' });
	});

	it('leaves the review’s own fields alone', () => {
		for (const name of ['heldOn', 'facilitator', 'notes', 'participants', 'ratings-3']) expect(parseAssessmentField(name)).toBeNull();
	});
});
