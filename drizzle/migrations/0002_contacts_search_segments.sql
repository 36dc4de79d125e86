CREATE TABLE "segments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"workspace_id" uuid NOT NULL,
	"name" text NOT NULL,
	"filter" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "search_text" text GENERATED ALWAYS AS (lower(normalize(coalesce(display_name, '') || ' ' || jsonb_path_query_array(fields, '$.*')::text || ' ' || regexp_replace(coalesce(fields->>'phone', ''), '[^0-9]', '', 'g'), NFKC))) STORED;--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "sort_name" text GENERATED ALWAYS AS (lower(normalize(coalesce(nullif(display_name, ''), nullif(trim(coalesce(fields->>'first_name', '') || ' ' || coalesce(fields->>'last_name', '')), ''), fields->>'email', fields->>'phone', ''), NFKC))) STORED;--> statement-breakpoint
ALTER TABLE "segments" ADD CONSTRAINT "segments_workspace_id_workspaces_id_fk" FOREIGN KEY ("workspace_id") REFERENCES "public"."workspaces"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "segments_workspace_name_idx" ON "segments" USING btree ("workspace_id","name");--> statement-breakpoint
CREATE INDEX "segments_workspace_idx" ON "segments" USING btree ("workspace_id");--> statement-breakpoint
CREATE INDEX "contacts_created_page_idx" ON "contacts" USING btree ("workspace_id","created_at","id");--> statement-breakpoint
CREATE INDEX "contacts_name_page_idx" ON "contacts" USING btree ("workspace_id","sort_name","id");--> statement-breakpoint
CREATE INDEX "contacts_activity_page_idx" ON "contacts" USING btree ("workspace_id","last_activity_at","id");--> statement-breakpoint
CREATE INDEX "contacts_fields_idx" ON "contacts" USING gin ("fields" jsonb_path_ops);