package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.UserId;

/** Sends mail to a user. The address is looked up by the adapter, so callers never handle it. */
public interface Mailer {

    void send(UserId to, String subject, String body);

}
