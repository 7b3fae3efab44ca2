CREATE TABLE `eval_results` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`run_id` text NOT NULL,
	`endpoint_id` text NOT NULL,
	`item_id` text NOT NULL,
	`pass` integer NOT NULL,
	`score` real NOT NULL,
	`latency_ms` integer,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `eval_results_endpoint_item_idx` ON `eval_results` (`endpoint_id`,`item_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `eval_results_run_idx` ON `eval_results` (`run_id`);--> statement-breakpoint
CREATE TABLE `eval_runs` (
	`id` text PRIMARY KEY NOT NULL,
	`suite_version` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`cursor_position` integer DEFAULT 0 NOT NULL,
	`cursor_cycle` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `eval_runs_suite_idx` ON `eval_runs` (`suite_version`,`started_at`);--> statement-breakpoint
CREATE TABLE `eval_scores` (
	`endpoint_id` text NOT NULL,
	`suite_version` text NOT NULL,
	`category` text NOT NULL,
	`task_class` text NOT NULL,
	`passed` integer NOT NULL,
	`total` integer NOT NULL,
	`score_sum` real NOT NULL,
	`ci_low` real NOT NULL,
	`ci_high` real NOT NULL,
	`model_version` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_scores_key_uq` ON `eval_scores` (`endpoint_id`,`suite_version`,`category`,`task_class`);--> statement-breakpoint
CREATE INDEX `eval_scores_class_idx` ON `eval_scores` (`suite_version`,`task_class`);