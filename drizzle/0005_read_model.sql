CREATE TABLE `project_month` (
	`project_id` integer NOT NULL,
	`month` text NOT NULL,
	`rating_sum` integer NOT NULL,
	`rated` integer NOT NULL,
	`tracked` integer NOT NULL,
	`expected` integer NOT NULL,
	`covered` integer NOT NULL,
	`assessed` integer NOT NULL,
	`on_time` integer NOT NULL,
	`reviews` integer NOT NULL,
	PRIMARY KEY(`project_id`, `month`),
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_month_month_idx` ON `project_month` (`month`);--> statement-breakpoint
CREATE TABLE `project_state` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`data_version` integer DEFAULT 1 NOT NULL,
	`state_version` integer DEFAULT 0 NOT NULL,
	`review_count` integer DEFAULT 0 NOT NULL,
	`first_review_on` text,
	`last_review_on` text,
	`last_review_id` integer,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `project_state_stale_idx` ON `project_state` (`project_id`) WHERE data_version <> state_version;--> statement-breakpoint
CREATE TABLE `tracked_state` (
	`tracked_id` integer PRIMARY KEY NOT NULL,
	`project_id` integer NOT NULL,
	`watchpoint_id` integer NOT NULL,
	`cadence_days` integer NOT NULL,
	`grace_days` integer NOT NULL,
	`snoozed_until` text,
	`last_review_id` integer,
	`last_reviewed_on` text,
	`last_comment` text,
	`rating` integer,
	`rated_on` text,
	`rated_review_id` integer,
	`counted_from` text NOT NULL,
	`due_on` text NOT NULL,
	`grace_ends_on` text NOT NULL,
	`critical_from` text NOT NULL,
	FOREIGN KEY (`tracked_id`) REFERENCES `tracked_watchpoint`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `tracked_state_project_idx` ON `tracked_state` (`project_id`);--> statement-breakpoint
CREATE INDEX `tracked_state_due_idx` ON `tracked_state` (`due_on`);--> statement-breakpoint
CREATE TABLE `watch_scan_project` (
	`project_id` integer PRIMARY KEY NOT NULL,
	`data_version` integer NOT NULL,
	`config_key` text NOT NULL,
	`evaluated_on` text NOT NULL,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
DROP INDEX `alert_project_idx`;--> statement-breakpoint
ALTER TABLE `alert` ADD `began_on` text;--> statement-breakpoint
CREATE INDEX `alert_project_idx` ON `alert` (`project_id`,`status`);--> statement-breakpoint
ALTER TABLE `scan_run` ADD `holder` text;--> statement-breakpoint
ALTER TABLE `scan_run` ADD `evaluated` integer;--> statement-breakpoint
CREATE INDEX `action_status_due_idx` ON `action` (`status`,`due_on`);--> statement-breakpoint
-- Every existing project's read model is computed at the next start (its state is stale).
INSERT INTO `project_state` (`project_id`) SELECT `id` FROM `project`;
--> statement-breakpoint
CREATE TRIGGER `project_state_project_insert` AFTER INSERT ON `project` BEGIN INSERT INTO `project_state` (`project_id`) VALUES (NEW.`id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_project_update` AFTER UPDATE ON `project` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_actor_insert` AFTER INSERT ON `actor` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_actor_update` AFTER UPDATE ON `actor` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (OLD.`project_id`, NEW.`project_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_actor_delete` AFTER DELETE ON `actor` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = OLD.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_commitment_insert` AFTER INSERT ON `commitment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_commitment_update` AFTER UPDATE ON `commitment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (OLD.`project_id`, NEW.`project_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_commitment_delete` AFTER DELETE ON `commitment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = OLD.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_tracked_watchpoint_insert` AFTER INSERT ON `tracked_watchpoint` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_tracked_watchpoint_update` AFTER UPDATE ON `tracked_watchpoint` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (OLD.`project_id`, NEW.`project_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_tracked_watchpoint_delete` AFTER DELETE ON `tracked_watchpoint` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = OLD.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_insert` AFTER INSERT ON `review` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_update` AFTER UPDATE ON `review` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (OLD.`project_id`, NEW.`project_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_delete` AFTER DELETE ON `review` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = OLD.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_action_insert` AFTER INSERT ON `action` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = NEW.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_action_update` AFTER UPDATE ON `action` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (OLD.`project_id`, NEW.`project_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_action_delete` AFTER DELETE ON `action` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = OLD.`project_id`; END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_participant_insert` AFTER INSERT ON `review_participant` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = (SELECT `project_id` FROM `review` WHERE `id` = NEW.`review_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_participant_update` AFTER UPDATE ON `review_participant` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (SELECT `project_id` FROM `review` WHERE `id` IN (OLD.`review_id`, NEW.`review_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_review_participant_delete` AFTER DELETE ON `review_participant` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = (SELECT `project_id` FROM `review` WHERE `id` = OLD.`review_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_assessment_insert` AFTER INSERT ON `assessment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = (SELECT `project_id` FROM `review` WHERE `id` = NEW.`review_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_assessment_update` AFTER UPDATE ON `assessment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (SELECT `project_id` FROM `review` WHERE `id` IN (OLD.`review_id`, NEW.`review_id`)); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_assessment_delete` AFTER DELETE ON `assessment` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` = (SELECT `project_id` FROM `review` WHERE `id` = OLD.`review_id`); END;
--> statement-breakpoint
CREATE TRIGGER `project_state_watchpoint_retired` AFTER UPDATE OF `retired_at` ON `watchpoint` BEGIN UPDATE `project_state` SET `data_version` = `data_version` + 1 WHERE `project_id` IN (SELECT `project_id` FROM `tracked_watchpoint` WHERE `watchpoint_id` = NEW.`id`); END;
