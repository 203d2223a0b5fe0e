CREATE TABLE `watch_data_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE `tracked_watchpoint` ADD `tracked_since` text;
--> statement-breakpoint
INSERT INTO `watch_data_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_project_insert` AFTER INSERT ON `project` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_project_update` AFTER UPDATE ON `project` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_project_delete` AFTER DELETE ON `project` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_actor_insert` AFTER INSERT ON `actor` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_actor_update` AFTER UPDATE ON `actor` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_actor_delete` AFTER DELETE ON `actor` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_commitment_insert` AFTER INSERT ON `commitment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_commitment_update` AFTER UPDATE ON `commitment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_commitment_delete` AFTER DELETE ON `commitment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_tracked_watchpoint_insert` AFTER INSERT ON `tracked_watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_tracked_watchpoint_update` AFTER UPDATE ON `tracked_watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_tracked_watchpoint_delete` AFTER DELETE ON `tracked_watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_insert` AFTER INSERT ON `review` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_update` AFTER UPDATE ON `review` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_delete` AFTER DELETE ON `review` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_participant_insert` AFTER INSERT ON `review_participant` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_participant_update` AFTER UPDATE ON `review_participant` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_review_participant_delete` AFTER DELETE ON `review_participant` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_assessment_insert` AFTER INSERT ON `assessment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_assessment_update` AFTER UPDATE ON `assessment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_assessment_delete` AFTER DELETE ON `assessment` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_action_insert` AFTER INSERT ON `action` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_action_update` AFTER UPDATE ON `action` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_action_delete` AFTER DELETE ON `action` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_watchpoint_insert` AFTER INSERT ON `watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_watchpoint_update` AFTER UPDATE ON `watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_watchpoint_delete` AFTER DELETE ON `watchpoint` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_setting_insert` AFTER INSERT ON `setting` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_setting_update` AFTER UPDATE ON `setting` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `watch_data_version_setting_delete` AFTER DELETE ON `setting` BEGIN UPDATE `watch_data_version` SET `version` = `version` + 1 WHERE `id` = 1; END;