package dev.bazaar.command.order;

import dev.bazaar.command.SliceActors;
import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.order.DeclineOrder;
import dev.bazaar.kernel.order.MarkShipped;
import dev.bazaar.kernel.order.OrderId;
import dev.bazaar.kernel.order.PlaceOrder;
import dev.bazaar.kernel.order.RefundOrder;
import dev.bazaar.kernel.order.ResolveDispute;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import java.util.UUID;

import static dev.bazaar.command.Actors.ADMIN;
import static dev.bazaar.command.Actors.BUYER;
import static dev.bazaar.command.Actors.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = OrderCommandController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*IdempotencyFilter"))
@Import(SliceActors.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrderCommandControllerTest {

    private static final UUID ORDER = UUID.fromString("70000000-0000-0000-0000-000000000001");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandSender commands;

    @BeforeEach
    void theCommandIsAccepted() {
        when(commands.send(any(), any(), any())).thenAnswer(call -> new CommandAccepted(call.getArgument(1), 0, 9));
    }

    @Test
    void an_order_goes_to_its_listing_which_reserves_the_stock_and_opens_a_new_order() throws Exception {
        UUID listing = UUID.randomUUID();
        String location = mvc.perform(post("/api/v1/orders").header(SliceActors.HEADER, buyer())
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"listingId":"%s","quantity":2,"shipping":{"amountMinor":0,"currency":"EUR"},
                         "paymentMethod":"pm_card_visa"}""".formatted(listing)))
                .andExpect(status().isCreated()).andReturn().getResponse().getHeader("Location");

        var sent = ArgumentCaptor.forClass(PlaceOrder.class);
        verify(commands).send(sent.capture(), any(), eq(new Actor(BUYER, Role.BUYER)));
        OrderId order = sent.getValue().orderId();
        assertThat(sent.getValue()).isEqualTo(new PlaceOrder(new ListingId(listing), order, 2, Money.of(0, "EUR"),
                "pm_card_visa"));
        verify(commands).send(any(), eq(order.toString()), any());
        assertThat(location).isEqualTo("/api/v1/orders/" + order);
    }

    @Test
    void a_refund_gets_an_id_of_its_own_and_an_empty_reason_when_none_is_given() throws Exception {
        mvc.perform(post("/api/v1/orders/" + ORDER + "/refund").header(SliceActors.HEADER, seller())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\":{\"amountMinor\":500,\"currency\":\"EUR\"}}"))
                .andExpect(status().isOk());

        var sent = ArgumentCaptor.forClass(RefundOrder.class);
        verify(commands).send(sent.capture(), eq(ORDER.toString()), eq(new Actor(SELLER, Role.SELLER)));
        assertThat(sent.getValue().refundId()).isNotNull();
        assertThat(sent.getValue()).isEqualTo(new RefundOrder(new OrderId(ORDER), sent.getValue().refundId(),
                Money.of(500, "EUR"), ""));
    }

    @Test
    void steps_without_a_body_send_empty_reasons_and_no_shipment_details() throws Exception {
        mvc.perform(post("/api/v1/orders/" + ORDER + "/decline").header(SliceActors.HEADER, seller()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/orders/" + ORDER + "/ship").header(SliceActors.HEADER, seller()))
                .andExpect(status().isOk());

        verify(commands).send(new DeclineOrder(new OrderId(ORDER), ""), ORDER.toString(),
                new Actor(SELLER, Role.SELLER));
        verify(commands).send(new MarkShipped(new OrderId(ORDER), null, null), ORDER.toString(),
                new Actor(SELLER, Role.SELLER));
    }

    @Test
    void a_dispute_may_be_settled_wholly_for_the_seller() throws Exception {
        mvc.perform(post("/api/v1/orders/" + ORDER + "/resolve-dispute").header(SliceActors.HEADER,
                        SliceActors.header(ADMIN, Role.ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"refundToBuyer\":{\"amountMinor\":0,\"currency\":\"EUR\"}}"))
                .andExpect(status().isOk());

        verify(commands).send(new ResolveDispute(new OrderId(ORDER), Money.of(0, "EUR"), ""), ORDER.toString(),
                new Actor(ADMIN, Role.ADMIN));
    }

    private static String buyer() {
        return SliceActors.header(BUYER, Role.BUYER);
    }

    private static String seller() {
        return SliceActors.header(SELLER, Role.SELLER);
    }

}
