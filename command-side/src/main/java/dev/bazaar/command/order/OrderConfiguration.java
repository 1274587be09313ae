package dev.bazaar.command.order;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The order process's settings (bazaar.orders.* in application.yml), handed to handlers as parameters. */
@Configuration(proxyBeanMethods = false)
class OrderConfiguration {

    @Bean
    OrderTimings orderTimings(@Value("${bazaar.orders.acceptance-window:PT48H}") Duration acceptanceWindow,
            @Value("${bazaar.orders.completion-window:P7D}") Duration completionWindow) {
        return new OrderTimings(acceptanceWindow, completionWindow);
    }

    @Bean
    CommissionPolicy commissionPolicy(Environment environment,
            @Value("${bazaar.orders.commission.default-basis-points:1000}") int defaultBasisPoints,
            @Value("${bazaar.orders.commission.refunds-return-commission:true}") boolean refundsReturnCommission) {
        Binder binder = Binder.get(environment);
        Bindable<Map<UUID, Integer>> rates = Bindable.mapOf(UUID.class, Integer.class);
        return new CommissionPolicy(defaultBasisPoints,
                binder.bind("bazaar.orders.commission.categories", rates).orElse(Map.of()),
                binder.bind("bazaar.orders.commission.sellers", rates).orElse(Map.of()), refundsReturnCommission);
    }

}
