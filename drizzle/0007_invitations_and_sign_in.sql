CREATE TABLE `project_invitation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`project_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`invited_by_user_id` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`answer` text,
	`answered_at` text,
	`revoked_at` text,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `project_invitation_user_idx` ON `project_invitation` (`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `project_invitation_waiting_uq` ON `project_invitation` (`project_id`,`user_id`) WHERE answered_at is null and revoked_at is null;--> statement-breakpoint
-- An invitation's project, which accepting it made the person a member of, becomes its first
-- membership (invitation_membership, created below: with foreign keys on, dropping the old table
-- would cascade to it). Kept aside while the table is rebuilt without it.
CREATE TABLE `__invitation_project` AS SELECT `id`, `project_id`, `project_role`, `invited_by_user_id`, `created_at` FROM `invitation` WHERE `project_id` IS NOT NULL;
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_invitation` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`nonce` text,
	`email` text NOT NULL,
	`name` text DEFAULT '' NOT NULL,
	`is_admin` integer DEFAULT false NOT NULL,
	`invited_by_user_id` integer,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`accepted_at` text,
	`revoked_at` text,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
INSERT INTO `__new_invitation`("id", "token_hash", "nonce", "email", "name", "is_admin", "invited_by_user_id", "created_at", "expires_at", "accepted_at", "revoked_at") SELECT "id", "token_hash", NULL, "email", "name", "is_admin", "invited_by_user_id", "created_at", "expires_at", "accepted_at", "revoked_at" FROM `invitation`;--> statement-breakpoint
DROP TABLE `invitation`;--> statement-breakpoint
ALTER TABLE `__new_invitation` RENAME TO `invitation`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `invitation_token_hash_unique` ON `invitation` (`token_hash`);--> statement-breakpoint
CREATE INDEX `invitation_email_idx` ON `invitation` (`email`);--> statement-breakpoint
CREATE TABLE `invitation_membership` (
	`invitation_id` integer NOT NULL,
	`project_id` integer NOT NULL,
	`role` text NOT NULL,
	`invited_by_user_id` integer,
	`added_at` text NOT NULL,
	PRIMARY KEY(`invitation_id`, `project_id`),
	FOREIGN KEY (`invitation_id`) REFERENCES `invitation`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`project_id`) REFERENCES `project`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`invited_by_user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `invitation_membership_project_idx` ON `invitation_membership` (`project_id`);--> statement-breakpoint
INSERT INTO `invitation_membership` (`invitation_id`, `project_id`, `role`, `invited_by_user_id`, `added_at`) SELECT `id`, `project_id`, coalesce(`project_role`, 'viewer'), `invited_by_user_id`, `created_at` FROM `__invitation_project` WHERE `project_id` IN (SELECT `id` FROM `project`);
--> statement-breakpoint
DROP TABLE `__invitation_project`;
--> statement-breakpoint
ALTER TABLE `audit_event` ADD `count` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `audit_event` ADD `aggregate_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `audit_event_aggregate_key_unique` ON `audit_event` (`aggregate_key`);--> statement-breakpoint
CREATE INDEX `sign_in_throttle_last_failure_idx` ON `sign_in_throttle` (`last_failure_at`);