ALTER TABLE `action` ADD `review_id` integer;--> statement-breakpoint
CREATE TEMP TABLE `action_review_versions` AS SELECT `project_id`, `data_version` FROM `project_state`;--> statement-breakpoint
UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = `action`.`assessment_id`) WHERE `assessment_id` IS NOT NULL;--> statement-breakpoint
UPDATE `project_state` SET `state_version` = `data_version` WHERE `state_version` = (SELECT v.`data_version` FROM temp.`action_review_versions` v WHERE v.`project_id` = `project_state`.`project_id`);--> statement-breakpoint
UPDATE `watch_scan_project` SET `data_version` = (SELECT p.`data_version` FROM `project_state` p WHERE p.`project_id` = `watch_scan_project`.`project_id`) WHERE `data_version` = (SELECT v.`data_version` FROM temp.`action_review_versions` v WHERE v.`project_id` = `watch_scan_project`.`project_id`);--> statement-breakpoint
DROP TABLE temp.`action_review_versions`;--> statement-breakpoint
CREATE TRIGGER `action_review_on_insert` AFTER INSERT ON `action` BEGIN
	UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = new.`assessment_id`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `action_review_on_update` AFTER UPDATE OF `assessment_id` ON `action` BEGIN
	UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = new.`assessment_id`) WHERE `id` = new.`id`;
END;
