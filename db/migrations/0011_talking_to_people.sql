-- Talking to people (issue 14): messages an organizer sends to an event's visitors or a fair's
-- exhibitors; reminder and thank-you settings per event, and per person when each went out and
-- whether they stopped the optional mails.
CREATE TABLE `event_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`event_id` integer NOT NULL,
	`target` text NOT NULL,
	`audience` text NOT NULL,
	`subject` text NOT NULL,
	`body` text NOT NULL,
	`recipients` integer NOT NULL,
	`author` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`event_id`) REFERENCES `events`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `event_messages_event` ON `event_messages` (`event_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `events` ADD `reminder_hours_before` integer DEFAULT 24;--> statement-breakpoint
ALTER TABLE `events` ADD `follow_up_hours_after` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `reminder_queued_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `follow_up_queued_at` integer;--> statement-breakpoint
ALTER TABLE `registrations` ADD `optional_mail_stopped_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `setup_reminder_queued_at` integer;--> statement-breakpoint
ALTER TABLE `applications` ADD `optional_mail_stopped_at` integer;