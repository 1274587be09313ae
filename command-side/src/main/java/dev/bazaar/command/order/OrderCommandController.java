package dev.bazaar.command.order;

import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.command.web.MoneyBody;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.AcceptOrder;
import dev.bazaar.kernel.order.CancelOrder;
import dev.bazaar.kernel.order.ConfirmReceipt;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.MarkDelivered;
import dev.bazaar.kernel.order.MarkFulfilled;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OpenDispute;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PlaceOrder;
import dev.bazaar.kernel.order.RefundId;
import dev.bazaar.kernel.order.RecoverSellerDebt;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.ResolveDispute;
import dev.bazaar.kernel.order.RetryPayout;
import dev.bazaar.command.web.IsoCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.UUID;

/** Translates HTTP into order commands; the listing and the order decide. */
@RestController
@RequestMapping("/api/v1/orders")
class OrderCommandController {

    private final CommandSender commands;

    OrderCommandController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandAccepted> place(@Valid @RequestBody PlaceBody body, Actor actor) {
        var orderId = OrderId.random();
        var command = new PlaceOrder(new ListingId(body.listingId()), orderId, body.quantity(),
                body.shipping() == null ? null : body.shipping().toMoney(), body.paymentMethod());
        var accepted = commands.send(command, orderId.toString(), actor);
        return ResponseEntity.created(URI.create("/api/v1/orders/" + accepted.id())).body(accepted);
    }

    @PostMapping("/{id}/accept")
    CommandAccepted accept(@PathVariable UUID id, Actor actor) {
        return send(new AcceptOrder(new OrderId(id)), id, actor);
    }

    @PostMapping("/{id}/decline")
    CommandAccepted decline(@PathVariable UUID id, @Valid @RequestBody(required = false) ReasonBody body,
            Actor actor) {
        return send(new DeclineOrder(new OrderId(id), ReasonBody.of(body)), id, actor);
    }

    @PostMapping("/{id}/cancel")
    CommandAccepted cancel(@PathVariable UUID id, Actor actor) {
        return send(new CancelOrder(new OrderId(id)), id, actor);
    }

    @PostMapping("/{id}/ship")
    CommandAccepted ship(@PathVariable UUID id, @Valid @RequestBody(required = false) ShipmentBody body,
            Actor actor) {
        return send(new MarkShipped(new OrderId(id), body == null ? null : body.carrier(),
                body == null ? null : body.trackingNumber()), id, actor);
    }

    @PostMapping("/{id}/deliver")
    CommandAccepted deliver(@PathVariable UUID id, Actor actor) {
        return send(new MarkDelivered(new OrderId(id)), id, actor);
    }

    @PostMapping("/{id}/fulfil")
    CommandAccepted fulfil(@PathVariable UUID id, Actor actor) {
        return send(new MarkFulfilled(new OrderId(id)), id, actor);
    }

    @PostMapping("/{id}/confirm")
    CommandAccepted confirm(@PathVariable UUID id, Actor actor) {
        return send(new ConfirmReceipt(new OrderId(id)), id, actor);
    }

    @PostMapping("/{id}/refund")
    CommandAccepted refund(@PathVariable UUID id, @Valid @RequestBody RefundBody body, Actor actor) {
        return send(new RefundOrder(new OrderId(id), RefundId.random(), body.amount().toMoney(),
                ReasonBody.orEmpty(body.reason())), id, actor);
    }

    @PostMapping("/{id}/open-dispute")
    CommandAccepted openDispute(@PathVariable UUID id, @Valid @RequestBody DisputeBody body, Actor actor) {
        return send(new OpenDispute(new OrderId(id), body.reason()), id, actor);
    }

    @PostMapping("/{id}/resolve-dispute")
    CommandAccepted resolveDispute(@PathVariable UUID id, @Valid @RequestBody ResolutionBody body, Actor actor) {
        var refund = Money.of(body.refundToBuyer().amountMinor(), body.refundToBuyer().currency());
        return send(new ResolveDispute(new OrderId(id), refund, ReasonBody.orEmpty(body.note())), id, actor);
    }

    /** Admins: try again a payout Stripe refused (after the cause was fixed at Stripe). */
    @PostMapping("/{id}/retry-payout")
    CommandAccepted retryPayout(@PathVariable UUID id, Actor actor) {
        return send(new RetryPayout(new OrderId(id)), id, actor);
    }

    /** Admins: ask Stripe again for what the seller owes after a refund whose transfer reversal was refused. */
    @PostMapping("/{id}/recover-seller-debt")
    CommandAccepted recoverSellerDebt(@PathVariable UUID id, Actor actor) {
        return send(new RecoverSellerDebt(new OrderId(id)), id, actor);
    }

    private CommandAccepted send(Object command, UUID orderId, Actor actor) {
        return commands.send(command, orderId.toString(), actor);
    }

    record PlaceBody(@NotNull UUID listingId, @NotNull @Min(1) @Max(1000) Integer quantity,
            @Valid NonNegativeMoney shipping,
            @NotBlank @Size(max = 255) String paymentMethod) {

    }

    /** Money that may be zero: free shipping, or a dispute settled wholly for the seller. */
    record NonNegativeMoney(@NotNull @PositiveOrZero Long amountMinor, @NotNull @IsoCurrency String currency) {

        Money toMoney() {
            return Money.of(amountMinor, currency);
        }

    }

    record ReasonBody(@Size(max = 1000) String reason) {

        static String of(ReasonBody body) {
            return body == null ? "" : orEmpty(body.reason());
        }

        static String orEmpty(String text) {
            return text == null ? "" : text;
        }

    }

    record ShipmentBody(@Size(max = 100) String carrier, @Size(max = 100) String trackingNumber) {

    }

    record RefundBody(@NotNull @Valid MoneyBody amount, @Size(max = 1000) String reason) {

    }

    record DisputeBody(@NotBlank @Size(max = 2000) String reason) {

    }

    record ResolutionBody(@NotNull @Valid NonNegativeMoney refundToBuyer, @Size(max = 2000) String note) {

    }

}
