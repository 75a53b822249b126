-- Certificates of attendance (issue 16): an organizer turns them on per event; off for every
-- event that exists.
ALTER TABLE `events` ADD `certificates` integer DEFAULT false NOT NULL;