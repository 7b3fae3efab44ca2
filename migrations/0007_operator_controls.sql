-- Operator controls: team-wide limits and spend alerts by webhook (teams columns, alert_outbox), requests
-- answered from the opt-in response cache (request_log.cached), and the time indexes retention and erasure
-- delete through (src/db/retention.ts, src/db/erasure.ts).
CREATE TABLE `alert_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`team_id` text NOT NULL,
	`scope_id` text NOT NULL,
	`window_id` text NOT NULL,
	`threshold` real NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`delivered_at` integer,
	`last_error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `alert_outbox_once` ON `alert_outbox` (`scope_id`,`window_id`,`threshold`);--> statement-breakpoint
CREATE INDEX `alert_outbox_due` ON `alert_outbox` (`delivered_at`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_outbox_team` ON `alert_outbox` (`team_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `request_log` ADD `cached` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE INDEX `request_log_time` ON `request_log` (`created_at`);--> statement-breakpoint
ALTER TABLE `teams` ADD `settings` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE `teams` ADD `alert_webhook_url` text;--> statement-breakpoint
ALTER TABLE `teams` ADD `alert_webhook_secret` text;--> statement-breakpoint
CREATE INDEX `feedback_response_time` ON `feedback` (`response_at`);--> statement-breakpoint
CREATE INDEX `feedback_team` ON `feedback` (`team_id`);