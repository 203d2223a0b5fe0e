import { describe, expect, it } from 'vitest';
import { SEED_WATCHPOINTS } from '../../domain/framework';
import { COMMENT_LIBRARY } from './comments';
import { DEMO_PROJECTS, planDemo } from './plan';

const TODAY = '2026-11-26';

describe('the demo plan', () => {
	it('gives the same comments for any anchor day, only the dates move', () => {
		const a = planDemo(TODAY);
		const b = planDemo('2031-02-14');
		const texts = (plan: typeof a) => plan.flatMap((p) => p.reviews.flatMap((r) => r.assessments.map((x) => x.comment.replace(/^[^.]*(janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)[^.]*\. /, ''))));
		expect(texts(b)).toEqual(texts(a));
		expect(a[0].reviews[0].heldOn).not.toBe(b[0].reviews[0].heldOn);
	});

	it('holds no review in the future and no action closed after the anchor day', () => {
		for (const p of planDemo(TODAY)) {
			for (const r of p.reviews) expect(r.heldOn <= TODAY).toBe(true);
			for (const a of p.actions) if (a.closedOn) expect(a.closedOn <= TODAY).toBe(true);
		}
	});

	it('writes correct French once the project words are slotted in', () => {
		// "de" or "à" before a word that brings its own "le"/"les" would read "de le", "à les"
		const templates = Object.values(COMMENT_LIBRARY).flatMap((byRating) => Object.values(byRating).flat());
		for (const template of templates) {
			for (const [, name] of template.matchAll(/\b(?:de|à|d'|aux?) \{(\w+)\}/gi)) {
				for (const p of DEMO_PROJECTS) {
					const value = p.vocabulary[name as keyof typeof p.vocabulary];
					expect(value, template).not.toMatch(/^(le|les) /i);
				}
			}
		}
		// the comments written out in the projects are left as typed ("idem", a sloppy copy…)
		const written = new Set(DEMO_PROJECTS.flatMap((p) => p.tracked.flatMap((t) => Object.values(t.comments ?? {}))));
		const comments = planDemo(TODAY).flatMap((p) => p.reviews.flatMap((r) => r.assessments.map((a) => a.comment)));
		for (const c of comments.filter((c) => !written.has(c))) {
			expect(c).not.toMatch(/\{\w+\}/);
			expect(c[0]).toBe(c[0].toUpperCase());
		}
	});

	it('only uses watch-points of the framework, each project tracking all of them once', () => {
		const keys = SEED_WATCHPOINTS.map((w) => w.key).sort();
		for (const p of DEMO_PROJECTS) expect(p.tracked.map((t) => t.key).sort()).toEqual(keys);
		for (const key of Object.keys(COMMENT_LIBRARY)) expect(keys).toContain(key);
	});

	it('has no sentence twice in the comment library', () => {
		const all = Object.values(COMMENT_LIBRARY).flatMap((byRating) => Object.values(byRating).flat());
		expect(new Set(all).size).toBe(all.length);
	});
});
