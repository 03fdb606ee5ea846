-- Read model of the homework module (homework/read-models.schema.ts homeworkEvenings): a family's evening as homework recorded it
-- (stopped at bedtime, when homework ended as HH:MM), which 五项管理 睡眠 joins instead of homework's own table.
CREATE VIEW "public"."homework_evenings" AS (select "district_id", "student_id", "date", "class_id", "school_id", "stopped_at_bedtime", to_char("ended_at", 'HH24:MI') as "ended_at", "late_minutes" from "homework_student_days");
