-- Issue 18: an event's own questions on the registration form (a JSON array of EventQuestion),
-- and each registration's answers to them (JSON keyed by question id; null when none).
ALTER TABLE `events` ADD `questions` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `registrations` ADD `answers` text;