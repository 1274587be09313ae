package dev.bazaar.command.order;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the payment provider has told of the disputes of an order's charge: which are open and what each contests, its
 * last status, what it withdrew from the platform's balance (and has not given back), and which are closed. Changed
 * only by the order's event-sourcing handlers.
 */
final class ProviderDisputes {

    /** What the provider withdrew for one dispute: the contested amount and its fee, in minor units. */
    record Withdrawal(long amount, long fee) {

    }

    private final Map<String, Long> open = new HashMap<>();

    private final Map<String, String> statuses = new HashMap<>();

    private final Map<String, Withdrawal> withdrawn = new HashMap<>();

    private final Set<String> everWithdrawn = new HashSet<>();

    private final Set<String> closed = new HashSet<>();

    boolean known(String id) {
        return open.containsKey(id) || closed.contains(id);
    }

    boolean isClosed(String id) {
        return closed.contains(id);
    }

    boolean anyOpen() {
        return !open.isEmpty();
    }

    /** What the open dispute contests, in minor units. */
    long contested(String id) {
        return open.get(id);
    }

    String status(String id) {
        return statuses.get(id);
    }

    /** Whether the provider withdrew funds for this dispute at any time (a second report changes nothing). */
    boolean everWithdrawn(String id) {
        return everWithdrawn.contains(id);
    }

    /** What the provider holds for this dispute, or null if it holds nothing. */
    Withdrawal withdrawal(String id) {
        return withdrawn.get(id);
    }

    void opened(String id, long amount) {
        open.put(id, amount);
    }

    void updated(String id, String status) {
        statuses.put(id, status);
    }

    void withdrew(String id, long amount, long fee) {
        withdrawn.put(id, new Withdrawal(amount, fee));
        everWithdrawn.add(id);
    }

    void reinstated(String id) {
        withdrawn.remove(id);
    }

    void closed(String id) {
        open.remove(id);
        closed.add(id);
    }

}
