ALTER TABLE `user` ADD `lang` text DEFAULT 'fr' NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `reminders_enabled` integer DEFAULT true NOT NULL;