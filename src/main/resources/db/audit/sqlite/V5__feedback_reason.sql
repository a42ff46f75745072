-- Why a reader gave 👎 (wrong quote, wrong article, not answered, other), one tap after it.
ALTER TABLE answers ADD COLUMN feedback_reason TEXT;
