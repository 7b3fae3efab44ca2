CREATE TABLE `eval_band_scores` (
	`endpoint_id` text NOT NULL,
	`suite_version` text NOT NULL,
	`category` text NOT NULL,
	`task_class` text NOT NULL,
	`band` text NOT NULL,
	`passed` integer NOT NULL,
	`total` integer NOT NULL,
	`score_sum` real NOT NULL,
	`ci_low` real NOT NULL,
	`ci_high` real NOT NULL,
	`model_version` text,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `eval_band_scores_key_uq` ON `eval_band_scores` (`endpoint_id`,`suite_version`,`category`,`task_class`,`band`);--> statement-breakpoint
CREATE INDEX `eval_band_scores_suite_idx` ON `eval_band_scores` (`suite_version`,`task_class`,`band`);