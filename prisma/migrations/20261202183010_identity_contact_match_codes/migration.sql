-- AlterTable
ALTER TABLE "Identity" ADD COLUMN     "contact" JSONB;

-- AlterTable
ALTER TABLE "Match" ADD COLUMN     "mentorTaskCodes" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "purposeCodes" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Existing matches hold the English labels joined with ", " (demo data holds a code): each part
-- becomes its code again, so every reader sees it in their own language. A part that is no known
-- label is kept as it is (shown as written).
CREATE TEMPORARY TABLE "_match_code_labels" (label TEXT PRIMARY KEY, code TEXT NOT NULL);
INSERT INTO "_match_code_labels" (label, code) VALUES
  ('A job', 'job'), ('Education', 'education'), ('Internship (praktik)', 'internship'), ('Find out what I want', 'clarification'),
  ('CV and applications', 'cv'), ('Job interviews', 'interview'), ('Network and contacts', 'network'),
  ('Danish workplace culture', 'workplace_culture'), ('Motivation and confidence', 'motivation'),
  ('Practise Danish', 'language_practice'), ('Choosing an education', 'education_choice'), ('Practical things', 'practical');

UPDATE "Match" m SET "purposeCodes" = (
  SELECT array_agg(COALESCE(l.code, x.part) ORDER BY x.ord)
  FROM unnest(string_to_array(m."purpose", ', ')) WITH ORDINALITY AS x(part, ord)
  LEFT JOIN "_match_code_labels" l ON l.label = x.part
) WHERE m."purpose" IS NOT NULL AND m."purpose" <> '';

UPDATE "Match" m SET "mentorTaskCodes" = (
  SELECT array_agg(COALESCE(l.code, x.part) ORDER BY x.ord)
  FROM unnest(string_to_array(m."mentorTasks", ', ')) WITH ORDINALITY AS x(part, ord)
  LEFT JOIN "_match_code_labels" l ON l.label = x.part
) WHERE m."mentorTasks" IS NOT NULL AND m."mentorTasks" <> '';

DROP TABLE "_match_code_labels";

ALTER TABLE "Match" DROP COLUMN "mentorTasks",
DROP COLUMN "purpose";
