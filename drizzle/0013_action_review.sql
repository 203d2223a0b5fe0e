ALTER TABLE `action` ADD `review_id` integer;--> statement-breakpoint
UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = `action`.`assessment_id`) WHERE `assessment_id` IS NOT NULL;--> statement-breakpoint
CREATE TRIGGER `action_review_on_insert` AFTER INSERT ON `action` WHEN new.`assessment_id` IS NOT NULL BEGIN
	UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = new.`assessment_id`) WHERE `id` = new.`id`;
END;--> statement-breakpoint
CREATE TRIGGER `action_review_on_update` AFTER UPDATE OF `assessment_id` ON `action` BEGIN
	UPDATE `action` SET `review_id` = (SELECT `review_id` FROM `assessment` WHERE `assessment`.`id` = new.`assessment_id`) WHERE `id` = new.`id`;
END;
