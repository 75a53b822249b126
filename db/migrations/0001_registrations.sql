CREATE TABLE `registrations` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`status` text NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`party_size` integer NOT NULL,
	`locale` text NOT NULL,
	`manage_token` text NOT NULL,
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
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "registrations_party_size_positive" CHECK("registrations"."party_size" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_manage_token_unique` ON `registrations` (`manage_token`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_ticket_code_unique` ON `registrations` (`ticket_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `registrations_event_email_live` ON `registrations` (`event_id`,`email`) WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX `registrations_event_status` ON `registrations` (`event_id`,`status`,`id`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`template` text NOT NULL,
	`locale` text NOT NULL,
	`to_address` text NOT NULL,
	`to_name` text,
	`params` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`sent_at` integer,
	`message_id` text,
	`registration_id` integer,
	`event_id` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`registration_id`) REFERENCES `registrations`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_registration` ON `outbox` (`registration_id`);--> statement-breakpoint
CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`status` integer NOT NULL,
	`body` text NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`scope`, `key`)
);
--> statement-breakpoint
CREATE INDEX `idempotency_keys_created` ON `idempotency_keys` (`created_at`);