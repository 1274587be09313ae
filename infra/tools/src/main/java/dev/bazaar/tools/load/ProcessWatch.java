package dev.bazaar.tools.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the processes a run shares the machine with: the peak resident set size of the backend and Elasticsearch
 * (sampled once a second), and the CPU time the backend, PostgreSQL, Elasticsearch, the loopback Stripe and the
 * generator itself used, beside the machine's busy time, read from /proc.
 */
final class ProcessWatch {

    private final String backendPid;

    private final String esPid;

    private final String stripePid;

    private final String ownPid = String.valueOf(ProcessHandle.current().pid());

    private final AtomicLong backendPeak = new AtomicLong();

    private final AtomicLong esPeak = new AtomicLong();

    private ScheduledExecutorService sampler;

    private long[] cpuAtStart;

    private long[] cpuAtStop;

    private Map<String, Long> postgresAtStart;

    private long postgresTicks;

    private long startedNanos;

    private long stoppedNanos;

    ProcessWatch(String backendPid, String esPid, String stripePid) {
        this.backendPid = backendPid;
        this.esPid = esPid;
        this.stripePid = stripePid;
    }

    void start() {
        cpuAtStart = cpuTicks();
        postgresAtStart = postgresTicks();
        startedNanos = System.nanoTime();
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rss");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(() -> {
            backendPeak.accumulateAndGet(rssKb(backendPid), Math::max);
            esPeak.accumulateAndGet(rssKb(esPid), Math::max);
        }, 0, 1, TimeUnit.SECONDS);
    }

    void stop() {
        sampler.shutdownNow();
        cpuAtStop = cpuTicks();
        postgresTicks = postgresTicks().entrySet().stream().filter(e -> postgresAtStart.containsKey(e.getKey()))
                .mapToLong(e -> e.getValue() - postgresAtStart.get(e.getKey())).sum();
        stoppedNanos = System.nanoTime();
    }

    String report() {
        return String.format(Locale.ROOT, "%npeak RSS during the run: backend %s, Elasticsearch %s%n",
                mb(backendPeak.get()), mb(esPeak.get())) + String.format(Locale.ROOT,
                "CPU during the run (%.0f s; seconds of one core): backend %s, PostgreSQL %.1f, "
                + "Elasticsearch %s, loopback Stripe %s, load generator %s; the machine's %d cores busy %.1f%n",
                (stoppedNanos - startedNanos) / 1e9, cpu(backendPid, 0), postgresTicks / TICKS_PER_SECOND,
                cpu(esPid, 1), cpu(stripePid, 2), cpu(ownPid, 3), Runtime.getRuntime().availableProcessors(),
                (cpuAtStop[4] - cpuAtStart[4]) / TICKS_PER_SECOND);
    }

    /** Linux counts CPU time in clock ticks, 100 a second on every kernel we run on. */
    private static final double TICKS_PER_SECOND = 100.0;

    private String cpu(String pid, int index) {
        return pid.isBlank() ? "not measured" : String.format(Locale.ROOT, "%.1f",
                (cpuAtStop[index] - cpuAtStart[index]) / TICKS_PER_SECOND);
    }

    /** User plus system ticks of the backend, Elasticsearch, the loopback Stripe, this generator; the machine's. */
    private long[] cpuTicks() {
        return new long[] {ticks(readStat(backendPid)), ticks(readStat(esPid)), ticks(readStat(stripePid)),
            ticks(readStat(ownPid)), machineBusyTicks()};
    }

    /** The first line of /proc/stat: every core's ticks by kind; busy is all but idle and I/O wait. */
    private static long machineBusyTicks() {
        try {
            String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long busy = 0;
            for (int i = 1; i < Math.min(fields.length, 9); i++) {
                busy += i == 4 || i == 5 ? 0 : Long.parseLong(fields[i]);
            }
            return busy;
        }
        catch (Exception e) {
            return 0;
        }
    }

    /** Ticks of every PostgreSQL process by pid; the run counts those alive at both ends (pooled connections). */
    private static Map<String, Long> postgresTicks() {
        Map<String, Long> ticks = new HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            processes.map(path -> path.getFileName().toString()).filter(pid -> pid.matches("\\d+"))
                    .forEach(pid -> {
                        String stat = readStat(pid);
                        if (stat.contains("(postgres)")) {
                            ticks.put(pid, ticks(stat));
                        }
                    });
        }
        catch (Exception e) {
            return ticks;
        }
        return ticks;
    }

    private static String readStat(String pid) {
        try {
            return pid.isBlank() ? "" : Files.readString(Path.of("/proc", pid, "stat"));
        }
        catch (Exception e) {
            return "";
        }
    }

    /** utime + stime: fields 14 and 15 of /proc/PID/stat, counted after the command name in parentheses. */
    private static long ticks(String stat) {
        int end = stat.lastIndexOf(')');
        if (end < 0) {
            return 0;
        }
        String[] fields = stat.substring(end + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    private static String mb(long kb) {
        return kb == 0 ? "not measured (pass --pid / --es-pid)" : (kb / 1024) + " MB";
    }

    private static long rssKb(String pid) {
        if (pid.isBlank()) {
            return 0;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        }
        catch (Exception e) {
            return 0;
        }
        return 0;
    }

}
