-- Axon tables nothing uses (ADR 0017): Bazaar has no sagas (its process manager keeps its own table), and dead letters
-- live in dead_letter_entry (V7), the JDBC queue's layout, not in the JPA layout V1 also created.
DROP TABLE IF EXISTS sagaentry;
DROP TABLE IF EXISTS associationvalueentry;
DROP TABLE IF EXISTS deadletterentry;
