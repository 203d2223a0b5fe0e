ALTER TABLE `pasted_text` ADD `bands` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE `pasted_text` SET `bands` = (SELECT json_group_array(`band_key`) FROM (SELECT `band_key` FROM `pasted_band` WHERE `pasted_band`.`text_key` = `pasted_text`.`text_key` ORDER BY `band_key`));--> statement-breakpoint
DROP INDEX `pasted_band_text_idx`;--> statement-breakpoint
CREATE TABLE `__new_pasted_band` (
	`band_key` integer NOT NULL,
	`text_key` integer NOT NULL,
	PRIMARY KEY(`band_key`, `text_key`)
) WITHOUT ROWID;--> statement-breakpoint
INSERT INTO `__new_pasted_band` (`band_key`, `text_key`) SELECT `band_key`, `text_key` FROM `pasted_band`;--> statement-breakpoint
DROP TABLE `pasted_band`;--> statement-breakpoint
ALTER TABLE `__new_pasted_band` RENAME TO `pasted_band`;
