package dev.bazaar.command.order;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The order process's settings, handed to handlers as parameters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderProperties.class)
class OrderConfiguration {

    @Bean
    OrderTimings orderTimings(OrderProperties orders) {
        return new OrderTimings(orders.acceptanceWindow(), orders.completionWindow());
    }

    @Bean
    CommissionPolicy commissionPolicy(OrderProperties orders) {
        var commission = orders.commission();
        return new CommissionPolicy(commission.defaultBasisPoints(), commission.categories(), commission.sellers(),
                commission.refundsReturnCommission());
    }

}
