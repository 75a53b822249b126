-- Registrations without an email (taken at the door or on the phone) and a phone column; a draft of
-- a published floor plan. The registrations table is rebuilt (SQLite cannot drop NOT NULL): the
-- migrator runs with foreign keys off, so dropping the old table cascades nothing, and checks them after.
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`status` text NOT NULL,
	`name` text NOT NULL,
	`email` text,
	`phone` text,
	`party_size` integer NOT NULL,
	`locale` text NOT NULL,
	`ticket_code` text,
	`privacy_accepted_at` integer NOT NULL,
	`consent_photos` integer DEFAULT false NOT NULL,
	`consent_newsletter` integer DEFAULT false NOT NULL,
	`consent_research` integer DEFAULT false NOT NULL,
	`gender` text,
	`age_group` text,
	`municipality` text,
	`vulnerable_group` text,
	`source` text NOT NULL,
	`created_at` integer NOT NULL,
	`confirmed_at` integer,
	`promoted_at` integer,
	`cancelled_at` integer,
	`cancelled_by` text,
	`checked_in_at` integer,
	`checked_in_by` text,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "registrations_party_size_positive" CHECK("__new_registrations"."party_size" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_registrations`("id", "event_id", "status", "name", "email", "phone", "party_size", "locale", "ticket_code", "privacy_accepted_at", "consent_photos", "consent_newsletter", "consent_research", "gender", "age_group", "municipality", "vulnerable_group", "source", "created_at", "confirmed_at", "promoted_at", "cancelled_at", "cancelled_by", "checked_in_at", "checked_in_by") SELECT "id", "event_id", "status", "name", "email", NULL, "party_size", "locale", "ticket_code", "privacy_accepted_at", "consent_photos", "consent_newsletter", "consent_research", "gender", "age_group", "municipality", "vulnerable_group", "source", "created_at", "confirmed_at", "promoted_at", "cancelled_at", "cancelled_by", "checked_in_at", "checked_in_by" FROM `registrations`;--> statement-breakpoint
DROP TABLE `registrations`;--> statement-breakpoint
ALTER TABLE `__new_registrations` RENAME TO `registrations`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_ticket_code_unique` ON `registrations` (`ticket_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_event_email_live` ON `registrations` (`event_id`,`email`) WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX `registrations_event_status` ON `registrations` (`event_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `registrations_event_checked_in` ON `registrations` (`event_id`,`checked_in_at`);--> statement-breakpoint
ALTER TABLE `floor_plans` ADD `draft_json` text;