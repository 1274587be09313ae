package dev.bazaar.projections.kafka;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bazaar.eventstore.rows.EventJson;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.serialization.Serializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** The Kafka publisher and its producer, with {@code bazaar.kafka.enabled=true} only. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "bazaar.kafka", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(KafkaProperties.class)
class KafkaPublisherConfiguration {

    private static final Logger log = LoggerFactory.getLogger(KafkaPublisherConfiguration.class);

    @Bean(destroyMethod = "close")
    Producer<String, byte[]> kafkaProducer(KafkaProperties kafka) {
        createTopic(kafka);
        int timeout = (int) kafka.sendTimeout().toMillis();
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "bazaar-kafka-publisher",
                // acknowledged by every in-sync replica, retried without duplicates or reordering within a session
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                // a broker that is away fails the batch within the send timeout, never blocks the processor longer
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeout,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeout / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeout),
                new StringSerializer(), new ByteArraySerializer());
    }

    @Bean
    KafkaEventPublisher kafkaEventPublisher(Producer<String, byte[]> producer, EventJson events, ObjectMapper json,
            @Qualifier("eventSerializer") Serializer serializer, KafkaProperties kafka) {
        return new KafkaEventPublisher(producer, new KafkaRecords(events, json, kafka.topic()), serializer,
                kafka.sendTimeout());
    }

    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(EventProcessingConfiguration processing, KafkaProperties kafka) {
        return new KafkaHealthIndicator(processing, kafka);
    }

    /** The topic with its partitions, if missing; a broker that is away now gets it created on the first send. */
    private static void createTopic(KafkaProperties kafka) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG,
                5000))) {
            admin.createTopics(List.of(new NewTopic(kafka.topic(), kafka.partitions(), (short) 1))).all()
                    .get(10, TimeUnit.SECONDS);
            log.info("Created Kafka topic {} with {} partitions", kafka.topic(), kafka.partitions());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                log.warn("Could not create Kafka topic {}: {}", kafka.topic(), e.getCause().toString());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.TimeoutException | RuntimeException e) {
            log.warn("Could not create Kafka topic {}: {}", kafka.topic(), e.toString());
        }
    }

}
