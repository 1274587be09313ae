-- Contact details, sealed like the rest of a profile's personal data (the address as one sealed JSON value).
ALTER TABLE user_profile ADD COLUMN phone TEXT;
ALTER TABLE user_profile ADD COLUMN address TEXT;
