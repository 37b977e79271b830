-- Addresses count once verified: people.email holds only a verified address (addresses given before verification existed
-- count as verified), an address given but not verified yet is a claim, and the verification links' tokens are kept as
-- hashes. Several people may claim one address; the unique index on people.email keeps one verified owner.

ALTER TABLE people DROP CONSTRAINT people_profile_complete;
ALTER TABLE people ADD CONSTRAINT people_profile_complete CHECK (
    erased_at IS NOT NULL OR (display_name IS NOT NULL AND time_zone IS NOT NULL AND locale IS NOT NULL));

-- The address a person gave last, until it is verified (then it moves to people.email) or someone else verifies it first.
CREATE TABLE email_claims (
    person_id  uuid        PRIMARY KEY REFERENCES people (id),
    email      text        NOT NULL,                -- normalised (trimmed, lower case)
    claimed_at timestamptz NOT NULL,
    mailed_at  timestamptz NOT NULL                 -- the last verification mail asked for: asking again waits a while
);

CREATE INDEX email_claims_email ON email_claims (email);

-- One row per verification link: single use, expiring; only the token's SHA-256 is stored.
CREATE TABLE email_verifications (
    token_hash bytea       PRIMARY KEY,
    person_id  uuid        NOT NULL,
    email      text        NOT NULL,
    created_at timestamptz NOT NULL,
    expires_at timestamptz NOT NULL,
    used_at    timestamptz NULL
);

CREATE INDEX email_verifications_person ON email_verifications (person_id);
