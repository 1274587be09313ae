package dev.bazaar.command.payout;

import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.problem.NotPermitted;
import dev.bazaar.command.payment.PaymentProperties;
import dev.bazaar.command.payment.PaymentProvider;
import dev.bazaar.command.payment.PaymentProviderUnavailable;
import dev.bazaar.command.payment.PayoutAccounts;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.payout.OpenPayoutAccount;
import dev.bazaar.kernel.payout.PayoutAccountId;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A seller's onboarding as a connected account: POST opens the account (once) and answers with a link to the
 * provider's onboarding; GET says where it stands. Payouts go only to accounts whose onboarding completed.
 */
@RestController
@RequestMapping("/api/v1/payout-account")
class PayoutAccountController {

    private final PaymentProvider provider;

    private final PayoutAccounts accounts;

    private final CommandSender commands;

    private final String returnUrl;

    PayoutAccountController(PaymentProvider provider, PayoutAccounts accounts, CommandSender commands,
            PaymentProperties payments) {
        this.provider = provider;
        this.accounts = accounts;
        this.commands = commands;
        this.returnUrl = payments.onboardingReturnUrl();
    }

    @PostMapping
    PayoutAccountView open(Actor actor) {
        requireSeller(actor);
        var existing = accounts.find(actor.id());
        String providerId = existing.map(PayoutAccounts.Entry::providerId).orElseGet(() -> {
            var answer = provider.openConnectedAccount(actor.id(), "seller-" + actor.id() + "-account");
            if (answer instanceof PaymentProvider.Result.Done done) {
                return done.id();
            }
            throw new PaymentProviderUnavailable("the provider refused to open an account: "
                    + ((PaymentProvider.Result.Refused) answer).reason(), null);
        });
        var id = new PayoutAccountId(actor.id());
        commands.send(new OpenPayoutAccount(id, providerId), id.toString(), actor);
        boolean enabled = existing.map(PayoutAccounts.Entry::payoutsEnabled).orElse(false);
        return new PayoutAccountView(providerId, enabled, enabled ? null : provider.onboardingLink(providerId,
                returnUrl));
    }

    @GetMapping
    PayoutAccountView show(Actor actor) {
        requireSeller(actor);
        return accounts.find(actor.id())
                .map(entry -> new PayoutAccountView(entry.providerId(), entry.payoutsEnabled(), null))
                .orElse(new PayoutAccountView(null, false, null));
    }

    private static void requireSeller(Actor actor) {
        if (!actor.is(Role.SELLER)) {
            throw new NotPermitted("Only sellers have payout accounts.");
        }
    }

    /** onboardingUrl is set while onboarding is still to be completed. */
    record PayoutAccountView(String providerAccountId, boolean payoutsEnabled, String onboardingUrl) {

    }

}
