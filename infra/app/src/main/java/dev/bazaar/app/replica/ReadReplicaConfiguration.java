package dev.bazaar.app.replica;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * With {@code bazaar.read-replica.url} set, query requests read from that standby ({@link ReplicaReads}); the
 * application's DataSource becomes a {@link ReplicaRoutingDataSource} over the primary's pool, built from
 * {@code spring.datasource.*} as Spring Boot builds it, and a pool of the standby's own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bazaar.read-replica", name = "url")
@EnableConfigurationProperties(ReadReplicaProperties.class)
class ReadReplicaConfiguration {

    @Bean
    @Primary
    ReplicaRoutingDataSource dataSource(DataSourceProperties primaryProperties, ReadReplicaProperties properties,
            Environment environment, MeterRegistry meters) {
        HikariDataSource primary = primaryProperties.initializeDataSourceBuilder().type(HikariDataSource.class)
                .build();
        Binder.get(environment).bind("spring.datasource.hikari", Bindable.ofInstance(primary));
        HikariDataSource replica = new HikariDataSource();
        replica.setPoolName("bazaar-read-replica");
        replica.setJdbcUrl(properties.url());
        replica.setUsername(properties.username() != null ? properties.username() : primaryProperties.getUsername());
        replica.setPassword(properties.password() != null ? properties.password() : primaryProperties.getPassword());
        replica.setMaximumPoolSize(properties.maxPoolSize());
        replica.setMinimumIdle(Math.min(2, properties.maxPoolSize()));
        replica.setReadOnly(true);
        replica.setConnectionTimeout(500); // a request that finds it gone falls back to the primary this soon
        replica.setInitializationFailTimeout(-1); // an instance starts while its standby is down
        replica.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(meters));
        var monitor = new ReplicaMonitor(primary, replica, properties.maxLag());
        monitor.start(properties.probeInterval());
        return new ReplicaRoutingDataSource(primary, replica, monitor);
    }

    @Bean
    ReadReplicaHealthIndicator readReplicaHealthIndicator(ReplicaRoutingDataSource dataSource) {
        return new ReadReplicaHealthIndicator(dataSource.monitor());
    }

    @Bean
    WebMvcConfigurer replicaReads(ReplicaRoutingDataSource dataSource) {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(new ReplicaReads(dataSource.monitor()));
            }
        };
    }

}
