package dev.bazaar.projections.admin;

import dev.bazaar.readmodel.ProjectionNames;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/** {@code bazaar_projection_lag_events{projection=...}}: how many positions a projection is behind the head. */
@Component
class ProjectionLagMetrics implements MeterBinder {

    private final ProjectionAdmin admin;

    ProjectionLagMetrics(ProjectionAdmin admin) {
        this.admin = admin;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String name : ProjectionNames.ALL) {
            Gauge.builder("bazaar.projection.lag.events", () -> admin.status(name).behind())
                    .tag("projection", name)
                    .description("Event-store positions between the head and the projection's token")
                    .register(registry);
        }
    }

}
