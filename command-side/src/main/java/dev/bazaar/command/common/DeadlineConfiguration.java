package dev.bazaar.command.common;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceCurrentlyExecutingException;
import com.github.kagkarlsson.scheduler.exceptions.TaskInstanceNotFoundException;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Axon's db-scheduler deadline manager as its auto-configuration builds it, with one change to cancelling a single
 * deadline: one that is firing at that moment is left to fire. db-scheduler refuses to cancel a picked task, and
 * Axon would let that refusal fail the command that made the deadline moot (a seller accepting in the last
 * instant). The deadline's handler checks that it still applies, so letting it run changes nothing.
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
            Serializer serializer, TransactionManager transactions, DeadlineManagerSpanFactory spans) {
        return new MootTolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false), scheduler);
    }

    private static final class MootTolerantDeadlineManager extends DbSchedulerDeadlineManager {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineConfiguration.class);

        private final Scheduler scheduler;

        MootTolerantDeadlineManager(Builder builder, Scheduler scheduler) {
            super(builder);
            this.scheduler = scheduler;
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
            runOnPrepareCommitOrNow(() -> {
                try {
                    scheduler.cancel(new DbSchedulerDeadlineToken(scheduleId));
                } catch (TaskInstanceNotFoundException | TaskInstanceCurrentlyExecutingException e) {
                    log.debug("Deadline {} ({}) not cancelled: {}", deadlineName, scheduleId, e.getMessage());
                }
            });
        }

    }

}
