package dev.bazaar.eventstore.rows;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.kernel.identity.UserRegistered;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventJsonTest {

    private static final String USER = "50000000-0000-0000-0000-000000000001";

    private static final StoredEvent REGISTERED = new StoredEvent(12, "event-12", USER, 0, "User",
            "2026-12-01T10:00:00Z", UserRegistered.class.getName(), "1",
            ("{\"userId\":\"" + USER + "\",\"role\":\"SELLER\",\"email\":\"sealed:email\","
                    + "\"emailIndex\":\"sealed:index\",\"displayName\":\"sealed:name\","
                    + "\"passwordHash\":\"sealed:hash\"}").getBytes(StandardCharsets.UTF_8),
            ("{\"actorId\":\"" + USER + "\",\"actorRole\":\"SELLER\",\"correlationId\":\"req-1\"}")
                    .getBytes(StandardCharsets.UTF_8));

    private final EventJson events = EventJson.withoutKeys();

    @Test
    void personal_data_is_left_out_and_everything_else_passes_as_stored() throws Exception {
        var event = events.toEvent(REGISTERED, null, EventJson.PersonalData.OMIT);

        var payload = new ObjectMapper().readTree(event.payload());
        assertThat(payload.get("email").asText()).isEqualTo(EventJson.OMITTED);
        assertThat(payload.get("displayName").asText()).isEqualTo(EventJson.OMITTED);
        assertThat(payload.get("passwordHash").asText()).isEqualTo(EventJson.OMITTED);
        assertThat(payload.get("role").asText()).isEqualTo("SELLER");
        assertThat(event.type()).isEqualTo("UserRegistered");
        assertThat(event.actorId()).isEqualTo(USER);
        assertThat(event.correlationId()).isEqualTo("req-1");
        assertThat(event.digest()).isNull();
    }

    @Test
    void sealed_personal_data_passes_as_stored_when_asked_for() throws Exception {
        var event = events.toEvent(REGISTERED, new byte[] {1, 2}, EventJson.PersonalData.SEALED);

        assertThat(new ObjectMapper().readTree(event.payload()).get("email").asText()).isEqualTo("sealed:email");
        assertThat(event.digest()).isEqualTo("0102");
    }

    @Test
    void personal_data_cannot_be_opened_without_the_keys() {
        assertThatThrownBy(() -> events.toEvent(REGISTERED, null, EventJson.PersonalData.OPEN))
                .isInstanceOf(IllegalStateException.class);
    }

}
