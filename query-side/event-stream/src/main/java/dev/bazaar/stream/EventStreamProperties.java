package dev.bazaar.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The analytics event stream ({@code bazaar.events.*}).
 *
 * @param stream what pages carry
 * @param live   the Server-Sent Events live tail
 */
@ConfigurationProperties("bazaar.events")
public record EventStreamProperties(@DefaultValue Stream stream, @DefaultValue Live live) {

    /** @param includePersonalData pass personal-data fields as stored (sealed) instead of leaving them out */
    public record Stream(@DefaultValue("false") boolean includePersonalData) {
    }

    /**
     * @param maxConsumers live consumers per instance
     * @param poll         how often a live consumer's next events are read
     * @param lifetime     how long one connection lasts (the client resumes with Last-Event-ID)
     */
    public record Live(@DefaultValue("32") int maxConsumers, @DefaultValue("PT0.25S") Duration poll,
            @DefaultValue("PT30M") Duration lifetime) {
    }

}
