package dev.bazaar.command.identity;

import dev.bazaar.kernel.identity.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * The default mailer, for development and tests: keeps the last messages in memory and logs that one was sent,
 * never its body (which carries one-time secrets). A deployment replaces it with an adapter for its mail service.
 */
@Component
public class MailSink implements Mailer {

    private static final Logger log = LoggerFactory.getLogger(MailSink.class);

    private static final int KEPT = 1000;

    /** One message as it would have been sent. */
    public record Mail(UserId to, String subject, String body) {

        @Override
        public String toString() {
            return "Mail[" + to + ", " + subject + "]";
        }

    }

    private final Deque<Mail> sent = new ArrayDeque<>();

    @Override
    public synchronized void send(UserId to, String subject, String body) {
        log.info("Mail to user {}: {}", to, subject);
        sent.addFirst(new Mail(to, subject, body));
        while (sent.size() > KEPT) {
            sent.removeLast();
        }
    }

    /** The newest message to the user with this subject, if any. */
    public synchronized Optional<Mail> latest(UserId to, String subject) {
        return sent.stream().filter(mail -> mail.to().equals(to) && mail.subject().equals(subject)).findFirst();
    }

    public synchronized List<Mail> all() {
        return List.copyOf(sent);
    }

}
