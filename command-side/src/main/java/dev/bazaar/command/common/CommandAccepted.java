package dev.bazaar.command.common;

/**
 * The answer to an accepted command.
 *
 * @param id       the aggregate the command went to
 * @param version  the aggregate's version after the command (sequence number of its last event)
 * @param position the global event-store position of the command's last event; pass it as {@code consistentWith}
 *                 to a query to read your own write
 */
public record CommandAccepted(String id, long version, long position) {

}
