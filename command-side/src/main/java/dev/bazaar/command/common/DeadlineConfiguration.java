package dev.bazaar.command.common;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerProperties;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurationScopeAwareProvider;
import org.axonframework.deadline.DeadlineManagerSpanFactory;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.axonframework.serialization.Serializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Axon's db-scheduler deadline manager as its auto-configuration builds it, with one change to cancelling a single
 * deadline: one statement, {@code DELETE ... WHERE NOT picked}, in the command's transaction, and one that is firing
 * at that moment is left to fire. db-scheduler's own cancel reads the task first (a second round trip on every
 * confirmed order) and throws for a picked task, which Axon would let fail the command that made the deadline moot (a
 * buyer confirming in the last instant). The deadline's handler checks that it still applies, so letting it run
 * changes nothing. A row being picked concurrently is either deleted first (the scheduler then finds nothing to run)
 * or picked first (the delete, waiting on its row lock, then sees it picked and leaves it).
 */
@Configuration(proxyBeanMethods = false)
class DeadlineConfiguration {

    @Bean
    DbSchedulerDeadlineManager deadlineManager(Scheduler scheduler, org.axonframework.config.Configuration axon,
            Serializer serializer, TransactionManager transactions, DeadlineManagerSpanFactory spans, JdbcTemplate jdbc,
            DbSchedulerProperties dbScheduler) {
        return new MootTolerantDeadlineManager(DbSchedulerDeadlineManager.builder()
                .scheduler(scheduler)
                .scopeAwareProvider(new ConfigurationScopeAwareProvider(axon))
                .serializer(serializer)
                .transactionManager(transactions)
                .spanFactory(spans)
                .startScheduler(false)
                .stopScheduler(false), jdbc, dbScheduler.getTableName());
    }

    private static final class MootTolerantDeadlineManager extends DbSchedulerDeadlineManager {

        private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DeadlineConfiguration.class);

        private final JdbcTemplate jdbc;

        private final String delete;

        MootTolerantDeadlineManager(Builder builder, JdbcTemplate jdbc, String table) {
            super(builder);
            this.jdbc = jdbc;
            this.delete = "DELETE FROM " + table + " WHERE task_name = ? AND task_instance = ? AND NOT picked";
        }

        @Override
        public void cancelSchedule(String deadlineName, String scheduleId) {
            var task = new DbSchedulerDeadlineToken(scheduleId);
            runOnPrepareCommitOrNow(() -> {
                if (jdbc.update(delete, task.getTaskName(), task.getId()) == 0) {
                    log.debug("Deadline {} ({}) not cancelled: already run, or running now", deadlineName, scheduleId);
                }
            });
        }

    }

}
