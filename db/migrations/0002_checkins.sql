CREATE TABLE `checkins` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer,
	`registration_id` integer,
	`code` text NOT NULL,
	`method` text DEFAULT 'scan' NOT NULL,
	`result` text NOT NULL,
	`device_id` text,
	`nonce` text,
	`scanned_at` integer NOT NULL,
	`recorded_at` integer NOT NULL,
	`offline` integer DEFAULT false NOT NULL,
	`duplicate` integer DEFAULT false NOT NULL,
	`undone_at` integer,
	`undone_by` text,
	`actor` text NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `checkins_device_nonce` ON `checkins` (`device_id`,`nonce`) WHERE "checkins"."nonce" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `checkins_event_scanned` ON `checkins` (`event_id`,`scanned_at`);--> statement-breakpoint
CREATE INDEX `checkins_registration` ON `checkins` (`registration_id`,`scanned_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `reentry_allowed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `checked_in_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `checked_in_by` text;--> statement-breakpoint
CREATE INDEX `registrations_event_checked_in` ON `registrations` (`event_id`,`checked_in_at`);