-- Each claim marks the jobs it takes with an id of its own, chosen by the
-- claiming node before it sends the claim. When the answer never arrives (the
-- connection broke after the database had committed), the node frees exactly
-- those jobs once the database answers again: it never saw them, so nothing
-- of them ran.
ALTER TABLE jobs ADD COLUMN claim_id TEXT;
