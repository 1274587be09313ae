package dev.bazaar.localstripe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The local Stripe's objects by id, as JSON text. Without a state file they live in memory; with one, the file holds
 * them and memory holds only where each lies in it. Kept in memory, a day of benchmarks (some 430,000 orders'
 * payment intents, charges and balance transactions) filled a 1 GB heap; their places take a tenth of that.
 */
final class ObjectTexts {

    private final Map<String, String> inMemory = new ConcurrentHashMap<>();

    private final Map<String, Long> inFile = new ConcurrentHashMap<>();

    private volatile StripeJournal journal;

    /** From now on the objects are kept in this journal; the places of those it already holds are given. */
    void keepIn(StripeJournal journal, Map<String, Long> places) {
        inFile.putAll(places);
        inMemory.forEach((id, text) -> inFile.put(id, journal.object(text)));
        inMemory.clear();
        this.journal = journal;
    }

    String get(String id) {
        StripeJournal file = journal;
        if (file == null) {
            return inMemory.get(id);
        }
        Long place = inFile.get(id);
        return place == null ? null : file.read(place);
    }

    boolean contains(String id) {
        return journal == null ? inMemory.containsKey(id) : inFile.containsKey(id);
    }

    /** Keeps the object's new text (in the journal, written through to the operating system by its next flush). */
    void put(String id, String text) {
        StripeJournal file = journal;
        if (file == null) {
            inMemory.put(id, text);
        }
        else {
            inFile.put(id, file.object(text));
        }
    }

    /** Every object's text (for the tests' searches by metadata; read from the file when there is one). */
    Stream<String> texts() {
        StripeJournal file = journal;
        return file == null ? inMemory.values().stream() : inFile.values().stream().map(file::read);
    }

}
