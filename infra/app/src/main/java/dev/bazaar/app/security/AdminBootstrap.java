package dev.bazaar.app.security;

import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.problem.Refusal;
import dev.bazaar.command.identity.AccountDirectory;
import dev.bazaar.command.identity.EmailIndex;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.RegisterUser;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.identity.UserId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.Locale;

/**
 * Opens the first admin account from configuration when no account has its email yet, so that a new
 * installation can be administered. Registration goes through the aggregate like any other, and a second
 * instance starting at the same moment loses the email claim and does nothing.
 */
@Component
class AdminBootstrap {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    /** The installation itself, as the actor of the first admin's registration (recorded in its metadata). */
    static final UserId INSTALLATION = UserId.of("00000000-0000-0000-0000-000000000000");

    private final CommandSender commands;

    private final AccountDirectory accounts;

    private final EmailIndex emailIndex;

    private final PasswordEncoder passwords;

    private final String email;

    private final String password;

    AdminBootstrap(CommandSender commands, AccountDirectory accounts, EmailIndex emailIndex,
            PasswordEncoder passwords, SecurityProperties security) {
        this.commands = commands;
        this.accounts = accounts;
        this.emailIndex = emailIndex;
        this.passwords = passwords;
        this.email = security.bootstrapAdmin().email();
        this.password = security.bootstrapAdmin().password();
    }

    @EventListener(ApplicationReadyEvent.class)
    void openFirstAdminAccount() {
        if (email.isBlank() || password.isBlank()) {
            return;
        }
        String index = emailIndex.of(email);
        if (accounts.findByEmailIndex(index).isPresent()) {
            return;
        }
        UserId id = UserId.random();
        try {
            commands.send(new RegisterUser(id, Role.ADMIN, email.trim().toLowerCase(Locale.ROOT), index, "Admin",
                    passwords.encode(password)), id.toString(), new Actor(INSTALLATION, Role.ADMIN));
            log.info("Opened the bootstrap admin account {}", id);
        }
        catch (Refusal e) {
            log.info("Bootstrap admin not opened: {}", e.getMessage());
        }
    }

}
