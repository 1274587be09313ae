package dev.bazaar.command.listing;

import dev.bazaar.command.SliceActors;
import dev.bazaar.command.common.CommandAccepted;
import dev.bazaar.command.common.CommandSender;
import dev.bazaar.kernel.category.CategoryId;
import dev.bazaar.kernel.identity.Actor;
import dev.bazaar.kernel.identity.Role;
import dev.bazaar.kernel.listing.ChangeListingPrice;
import dev.bazaar.kernel.listing.CreateListing;
import dev.bazaar.kernel.listing.ListingId;
import dev.bazaar.kernel.listing.PublishListing;
import dev.bazaar.kernel.money.Money;
import dev.bazaar.kernel.organisation.OrganisationId;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.bazaar.command.Actors.SELLER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@WebMvcTest(controllers = ListingCommandController.class,
        excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = ".*IdempotencyFilter"))
@Import(SliceActors.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ListingCommandControllerTest {

    private static final Actor THE_SELLER = new Actor(SELLER, Role.SELLER);

    private static final UUID CATEGORY = UUID.fromString("60000000-0000-0000-0000-000000000001");

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CommandSender commands;

    @BeforeEach
    void theCommandIsAccepted() {
        when(commands.send(any(), any(), any())).thenAnswer(call -> new CommandAccepted(call.getArgument(1), 0, 17));
    }

    @Test
    void a_new_listing_is_one_create_listing_command_and_the_answer_says_where_it_is() throws Exception {
        var answer = mvc.perform(post("/api/v1/listings").header(SliceActors.HEADER,
                        SliceActors.header(SELLER, Role.SELLER)).contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"Brass desk lamp","description":"Warm light","categoryId":"%s",
                         "price":{"amountMinor":4599,"currency":"EUR"},"quantity":3,"attributes":{"color":"red"},
                         "imageUrls":["https://img.example/lamp.jpg"]}""".formatted(CATEGORY)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.position").value(17))
                .andReturn().getResponse();

        var sent = ArgumentCaptor.forClass(CreateListing.class);
        var aggregate = ArgumentCaptor.forClass(String.class);
        verify(commands).send(sent.capture(), aggregate.capture(), eq(THE_SELLER));
        ListingId id = sent.getValue().listingId();
        assertThat(sent.getValue()).isEqualTo(new CreateListing(id, "Brass desk lamp", "Warm light",
                new CategoryId(CATEGORY), Money.of(4599, "EUR"), 3, Map.of("color", "red"),
                List.of("https://img.example/lamp.jpg"), null));
        assertThat(aggregate.getValue()).isEqualTo(id.toString());
        assertThat(answer.getHeader("Location")).isEqualTo("/api/v1/listings/" + id);
    }

    @Test
    void a_listing_without_attributes_or_images_sends_them_empty_and_names_its_organisation() throws Exception {
        UUID organisation = UUID.randomUUID();
        mvc.perform(post("/api/v1/listings").header(SliceActors.HEADER, SliceActors.header(SELLER, Role.SELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"Pine chair","categoryId":"%s","price":{"amountMinor":1200,"currency":"EUR"},
                         "quantity":1,"organisationId":"%s"}""".formatted(CATEGORY, organisation)))
                .andExpect(status().isCreated());

        var sent = ArgumentCaptor.forClass(CreateListing.class);
        verify(commands).send(sent.capture(), any(), eq(THE_SELLER));
        assertThat(sent.getValue().attributes()).isEmpty();
        assertThat(sent.getValue().imageUrls()).isEmpty();
        assertThat(sent.getValue().description()).isNull();
        assertThat(sent.getValue().organisationId()).isEqualTo(new OrganisationId(organisation));
    }

    @Test
    void a_step_on_a_listing_goes_to_that_listing() throws Exception {
        UUID listing = UUID.randomUUID();
        mvc.perform(post("/api/v1/listings/" + listing + "/publish").header(SliceActors.HEADER,
                SliceActors.header(SELLER, Role.SELLER))).andExpect(status().isOk());
        mvc.perform(post("/api/v1/listings/" + listing + "/price").header(SliceActors.HEADER,
                SliceActors.header(SELLER, Role.SELLER)).contentType(MediaType.APPLICATION_JSON)
                .content("{\"price\":{\"amountMinor\":3999,\"currency\":\"EUR\"}}")).andExpect(status().isOk());

        verify(commands).send(new PublishListing(new ListingId(listing)), listing.toString(), THE_SELLER);
        verify(commands).send(new ChangeListingPrice(new ListingId(listing), Money.of(3999, "EUR")),
                listing.toString(), THE_SELLER);
    }

    @Test
    void a_body_that_breaks_the_shape_is_refused_before_any_command() throws Exception {
        mvc.perform(post("/api/v1/listings").header(SliceActors.HEADER, SliceActors.header(SELLER, Role.SELLER))
                        .contentType(MediaType.APPLICATION_JSON).content("""
                        {"title":"ab","categoryId":"%s","price":{"amountMinor":-1,"currency":"EURO"},"quantity":1}
                        """.formatted(CATEGORY)))
                .andExpect(status().isBadRequest())
                .andExpect(header().doesNotExist("Location"));

        verifyNoInteractions(commands);
    }

}
